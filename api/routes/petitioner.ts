import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Case } from '../../prisma/generated/client';
import type { Database } from '../../infra/database';
import type { StaffUser } from '../auth/scope';
import { AppError } from '../errors';
import { responseType } from '../response-schemas';

/** A petitioner's identity as recorded (null when none is). */
export const casePetitionerSchema = responseType(
  'CasePetitioner',
  z.object({
    petitioner: z
      .object({
        anonymous: z.boolean(),
        fullName: z.string().nullable(),
        email: z.string().nullable(),
        phone: z.string().nullable(),
        address: z.string().nullable(),
        /** Of the notices the citizen receives: vi or en. */
        language: z.string(),
      })
      .nullable(),
  }),
);

/**
 * Who may read a petitioner's identity. A denouncer's identity is confidential (Denunciations Law
 * 2018 art. 9): only the head of government resolving it and administrators; never the agency the
 * denunciation may be about, never the Front.
 */
export function mayReadPetitioner(user: StaffUser, c: Case): boolean {
  if (user.role === 'ADMINISTRATOR' || user.role === 'HEAD_OF_GOVERNMENT') return true;
  if (c.type === 'DENUNCIATION') return false;
  return user.role === 'RECEPTION_OFFICER' || (user.role === 'AGENCY_OFFICER' && c.agencyId === user.organisationId);
}

/** Returns the identity and records the read on the case's audit trail. */
export async function readPetitioner(db: Database, user: StaffUser, c: Case): Promise<z.output<typeof casePetitionerSchema>['petitioner']> {
  if (!mayReadPetitioner(user, c)) throw new AppError('forbidden', 'Bạn không được xem thông tin người gửi đơn này / you may not see this petitioner’s identity');
  const p = await db.petitioner.findUnique({ where: { caseId: c.id } });
  await db.caseEvent.create({
    data: { caseId: c.id, eventKey: `identity_read:${randomUUID()}`, type: 'identity_read', actor: user.email, tokenId: user.tokenId, reason: `Xem thông tin người gửi đơn (${user.role})` },
  });
  return p && { anonymous: p.anonymous, fullName: p.fullName, email: p.email, phone: p.phone, address: p.address, language: p.language };
}
