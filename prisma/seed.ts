import { fileURLToPath } from 'node:url';
import type { Database } from '../infra/database';
import { hashPassword, isSupportedHash } from '../infra/passwords';
import type { OrganisationKind, Role } from './generated/client';
import { CATEGORIES, COMMUNE_AGENCIES, COMMUNES, DEMO_PASSWORD, DISTRICTS, HEADS, PROVINCE, PROVINCE_AGENCIES } from './demo-province';

/** "Xã Yên Phong" inside a longer name reads "Phòng Kinh tế xã Yên Phong". */
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const mailOf = (local: string) => `${local.toLowerCase()}@hoason.gov.test`;

async function upsertUnit(db: Database, u: { code: string; name: string; level: 'PROVINCE' | 'DISTRICT' | 'COMMUNE'; parentId?: string; remote?: boolean; dissolvedAt?: Date }) {
  const data = { name: u.name, level: u.level, parentId: u.parentId ?? null, remoteArea: u.remote ?? false, dissolvedAt: u.dissolvedAt ?? null };
  return db.unit.upsert({ where: { code: u.code }, create: { code: u.code, ...data }, update: data });
}

async function upsertOrg(db: Database, o: { code: string; unitId: string; kind: OrganisationKind; name: string; headName: string; headTitle: string }) {
  const data = { ...o, email: mailOf(o.code), headEmail: mailOf(`truong.${o.code}`) };
  return db.organisation.upsert({ where: { code: o.code }, create: data, update: data });
}

/** Each unit's People's Committee and Front committee, with their heads by name. */
async function seedLeadership(db: Database, unit: { id: string; code: string; name: string }) {
  const [chair, frontChair] = HEADS[unit.code] ?? ['(chưa có)', '(chưa có)'];
  const place = unit.name.replace(/^(Tỉnh|Huyện|Xã|Phường) /, '');
  const level = unit.name.split(' ')[0]!.toLowerCase();
  await upsertOrg(db, { code: `${unit.code}-UBND`, unitId: unit.id, kind: 'PEOPLES_COMMITTEE', name: `UBND ${level} ${place}`, headName: chair, headTitle: 'Chủ tịch UBND' });
  await upsertOrg(db, { code: `${unit.code}-MTTQ`, unitId: unit.id, kind: 'FRONT_COMMITTEE', name: `Ủy ban MTTQ Việt Nam ${level} ${place}`, headName: frontChair, headTitle: 'Chủ tịch Ủy ban MTTQ' });
}

async function ensureRule(db: Database, rule: { categoryId: string; unitId: string; agencyId: string; caseType?: 'DENUNCIATION' }) {
  const where = { categoryId: rule.categoryId, unitId: rule.unitId, caseType: rule.caseType ?? null };
  if (!(await db.routingRule.findFirst({ where }))) await db.routingRule.create({ data: { ...where, agencyId: rule.agencyId } });
}

async function upsertUser(db: Database, u: { email: string; fullName: string; role: Role; unitId: string; organisationId?: string }, passwordHash: string) {
  const data = { fullName: u.fullName, role: u.role, unitId: u.unitId, organisationId: u.organisationId ?? null };
  const existing = await db.user.findUnique({ where: { email: u.email } });
  // A demo user whose hash no login can check gets the demo password's argon2id hash; an argon2 or
  // bcrypt hash is kept (the password may have been changed; bcrypt becomes argon2id at the next login).
  const rehash = existing && !isSupportedHash(existing.passwordHash) ? { passwordHash } : {};
  await db.user.upsert({ where: { email: u.email }, create: { ...u, passwordHash }, update: { ...data, ...rehash } });
}

/** Idempotent: running it again updates the demo rows in place and adds nothing twice. */
export async function seedDemoProvince(db: Database): Promise<void> {
  const categories = new Map<string, string>();
  for (const c of CATEGORIES) {
    const row = await db.category.upsert({ where: { code: c.code }, create: c, update: c });
    categories.set(c.code, row.id);
  }
  const province = await upsertUnit(db, { ...PROVINCE, level: 'PROVINCE' });
  await seedLeadership(db, province);
  const inspectorate = await upsertOrg(db, { code: 'HS-TT', unitId: province.id, kind: 'INSPECTORATE', name: 'Thanh tra tỉnh Hòa Sơn', headName: 'Tạ Văn Lợi', headTitle: 'Chánh Thanh tra' });
  await ensureRule(db, { categoryId: categories.get('can-bo')!, unitId: province.id, agencyId: inspectorate.id, caseType: 'DENUNCIATION' });
  for (const a of PROVINCE_AGENCIES) {
    const agency = await upsertOrg(db, { code: a.code, unitId: province.id, kind: 'SECTOR_AGENCY', name: a.name, headName: a.head, headTitle: 'Giám đốc' });
    for (const c of a.categories) await ensureRule(db, { categoryId: categories.get(c)!, unitId: province.id, agencyId: agency.id });
  }
  const districtIds = new Map<string, string>();
  for (const d of DISTRICTS) {
    const district = await upsertUnit(db, { ...d, level: 'DISTRICT', parentId: province.id, dissolvedAt: new Date('2025-07-01T00:00:00+07:00') });
    districtIds.set(d.code, district.id);
    await seedLeadership(db, district);
  }
  for (const c of COMMUNES) {
    const commune = await upsertUnit(db, { code: c.code, name: c.name, level: 'COMMUNE', parentId: province.id, remote: c.remote });
    await seedLeadership(db, commune);
    for (const a of COMMUNE_AGENCIES) {
      const agency = await upsertOrg(db, { code: `${c.code}-${a.suffix}`, unitId: commune.id, kind: 'SECTOR_AGENCY', name: `${a.name} ${lowerFirst(c.name)}`, headName: 'Trưởng phòng', headTitle: '' });
      for (const cat of a.categories) await ensureRule(db, { categoryId: categories.get(cat)!, unitId: commune.id, agencyId: agency.id });
    }
  }
  await seedUsers(db, province.id);
}

async function seedUsers(db: Database, provinceId: string) {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const org = async (code: string) => (await db.organisation.findUniqueOrThrow({ where: { code } })).id;
  const users = [
    { email: 'tiepnhan@hoason.gov.test', fullName: 'Đỗ Thị Thanh', role: 'RECEPTION_OFFICER' as const, unitId: provinceId },
    { email: 'canbo.snnmt@hoason.gov.test', fullName: 'Phan Văn Long', role: 'AGENCY_OFFICER' as const, unitId: provinceId, organisationId: await org('HS-SNNMT') },
    { email: 'chutich@hoason.gov.test', fullName: HEADS.HS![0], role: 'HEAD_OF_GOVERNMENT' as const, unitId: provinceId, organisationId: await org('HS-UBND') },
    { email: 'mttq@hoason.gov.test', fullName: HEADS.HS![1], role: 'FRONT_SUPERVISOR' as const, unitId: provinceId, organisationId: await org('HS-MTTQ') },
    { email: 'quantri@hoason.gov.test', fullName: 'Quản trị hệ thống', role: 'ADMINISTRATOR' as const, unitId: provinceId },
  ];
  for (const u of users) await upsertUser(db, u, passwordHash);
}

export const DEMO_LOGINS = [
  ['Cán bộ tiếp nhận / reception officer', 'tiepnhan@hoason.gov.test'],
  ['Cán bộ Sở NN&MT / agency officer', 'canbo.snnmt@hoason.gov.test'],
  ['Chủ tịch UBND tỉnh / head of government', 'chutich@hoason.gov.test'],
  ['Giám sát MTTQ / Front supervisor', 'mttq@hoason.gov.test'],
  ['Quản trị / administrator', 'quantri@hoason.gov.test'],
] as const;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { loadConfig } = await import('../infra/config');
  const { createDatabase } = await import('../infra/database');
  const db = createDatabase(loadConfig().DATABASE_URL);
  await seedDemoProvince(db);
  await db.$disconnect();
  console.log('Seeded the demo province.');
}
