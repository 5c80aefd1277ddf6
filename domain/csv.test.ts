import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv';

describe('CSV', () => {
  it('writes CSV with quoting', () => {
    expect(toCsv([{ a: 'x,y', b: 1 }, { a: 'say "hi"', b: null }], ['a', 'b'])).toBe('a,b\r\n"x,y",1\r\n"say ""hi""",\r\n');
  });

  it('neutralises text a spreadsheet would run as a formula', () => {
    expect(csvCell('=1+2')).toBe("'=1+2");
    expect(csvCell('+84 912')).toBe("'+84 912");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1:A9)')).toBe("'@SUM(A1:A9)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('\r=1')).toBe(`"'\r=1"`);
    expect(csvCell('=HYPERLINK("http://evil.example","x")')).toBe(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(toCsv([{ name: '=cmd|"/c calc"!A1', n: 2 }], ['name', 'n'])).toBe(`name,n\r\n"'=cmd|""/c calc""!A1",2\r\n`);
  });

  it('leaves ordinary text and numbers as they are', () => {
    expect(csvCell('Sở Xây dựng')).toBe('Sở Xây dựng');
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(0.25)).toBe('0.25');
    expect(csvCell(null)).toBe('');
  });
});
