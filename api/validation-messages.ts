import { z } from 'zod';

/**
 * What a person reads when a field is refused: "Vietnamese / English" (the console shows the half
 * for its language), in words, never zod's "Too small: expected string to have >=1 characters".
 * Schemas that say something more precise keep their own message; this covers every other one.
 * Anything not worded here falls back to zod's own Vietnamese and English locales.
 */
type Issue = z.core.$ZodRawIssue;

const zodVi = z.locales.vi().localeError;
const zodEn = z.locales.en().localeError;
const fromZod = (issue: Issue) => {
  const text = (map: typeof zodVi) => {
    const m = map(issue);
    return typeof m === 'string' ? m : (m?.message ?? '');
  };
  return `${text(zodVi)} / ${text(zodEn)}`;
};

const REQUIRED = 'Không được để trống / required';

const FORMATS: Record<string, string> = {
  email: 'Email không hợp lệ / invalid email address',
  url: 'Đường dẫn không hợp lệ / invalid link',
  uuid: 'Mã định danh không hợp lệ / invalid identifier',
  datetime: 'Ngày giờ không hợp lệ / invalid date and time',
  date: 'Ngày không hợp lệ (năm-tháng-ngày) / invalid date (year-month-day)',
  time: 'Giờ không hợp lệ / invalid time',
  regex: 'Không đúng định dạng / wrong format',
};

const TYPES: Record<string, string> = {
  string: 'Phải là văn bản / must be text',
  number: 'Phải là một số / must be a number',
  int: 'Phải là số nguyên / must be a whole number',
  boolean: 'Phải chọn có hoặc không / must be yes or no',
  array: 'Phải là một danh sách / must be a list',
  object: 'Dữ liệu không đúng dạng / wrong shape',
};

function sized(issue: Extract<Issue, { code: 'too_small' | 'too_big' }>): string | undefined {
  const small = issue.code === 'too_small';
  const bound = Number(small ? (issue as { minimum: number | bigint }).minimum : (issue as { maximum: number | bigint }).maximum);
  const strict = issue.inclusive === false;
  switch (issue.origin) {
    case 'string':
      if (small && bound <= 1) return REQUIRED;
      return small ? `Tối thiểu ${bound} ký tự / at least ${bound} characters` : `Tối đa ${bound} ký tự / at most ${bound} characters`;
    case 'array':
    case 'set':
      if (small && bound <= 1) return 'Cần ít nhất một mục / at least one item is required';
      return small ? `Cần ít nhất ${bound} mục / at least ${bound} items` : `Tối đa ${bound} mục / at most ${bound} items`;
    case 'number':
    case 'int':
    case 'bigint':
      if (small) return strict ? `Phải lớn hơn ${bound} / must be more than ${bound}` : `Không được nhỏ hơn ${bound} / must be at least ${bound}`;
      return strict ? `Phải nhỏ hơn ${bound} / must be less than ${bound}` : `Không được lớn hơn ${bound} / must be at most ${bound}`;
    default:
      return undefined;
  }
}

export function bilingualMessage(issue: Issue): string {
  const blank = issue.input === undefined || issue.input === null || (typeof issue.input === 'string' && issue.input.trim() === '');
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null) return REQUIRED;
      if (issue.expected === 'number' && typeof issue.input === 'number' && Number.isNaN(issue.input)) return TYPES.number!;
      return TYPES[issue.expected] ?? fromZod(issue);
    case 'too_small':
    case 'too_big':
      return sized(issue) ?? fromZod(issue);
    case 'invalid_format':
      if (blank) return REQUIRED;
      return FORMATS[issue.format] ?? fromZod(issue);
    case 'invalid_value':
      if (blank) return REQUIRED;
      return issue.values.length === 1
        ? `Giá trị phải là ${String(issue.values[0])} / must be ${String(issue.values[0])}`
        : `Chọn một trong các giá trị cho phép (${issue.values.join(', ')}) / choose one of ${issue.values.join(', ')}`;
    case 'unrecognized_keys':
      return `Trường không được chấp nhận: ${issue.keys.join(', ')} / unknown field: ${issue.keys.join(', ')}`;
    case 'invalid_union':
      return 'Giá trị không hợp lệ / invalid value';
    default:
      return fromZod(issue);
  }
}

/** Installs the messages for every zod schema the API parses with (called once where errors become problems). */
export function installValidationMessages(): void {
  z.config({ localeError: bilingualMessage });
}
