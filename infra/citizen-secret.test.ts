import { describe, expect, it } from 'vitest';
import { citizenSecretMatches, hashCitizenSecret, newCitizenSecret } from './citizen-secret';

describe('citizen secret', () => {
  it('is four groups of five Crockford characters, and only its hash matches', () => {
    const { secret, hash } = newCitizenSecret();
    expect(secret).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){3}$/);
    expect(hash).not.toContain(secret.replace(/-/g, ''));
    expect(citizenSecretMatches(hash, secret)).toBe(true);
    expect(citizenSecretMatches(hash, newCitizenSecret().secret)).toBe(false);
  });

  it('forgives case, spaces, dashes and look-alike letters as typed from a receipt', () => {
    const hash = hashCitizenSecret('10K2M-9XAB4-H3D0P-W8RTZ');
    expect(citizenSecretMatches(hash, 'lok2m 9xab4 h3dOp w8rtz')).toBe(true);
  });

  it('matches nothing without a stored hash or a given secret', () => {
    expect(citizenSecretMatches(null, 'ABCDE')).toBe(false);
    expect(citizenSecretMatches(hashCitizenSecret('ABCDE'), undefined)).toBe(false);
    expect(citizenSecretMatches(hashCitizenSecret('ABCDE'), '')).toBe(false);
  });
});
