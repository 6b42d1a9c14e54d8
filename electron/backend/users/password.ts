/**
 * Password hashing with scrypt (memory-hard: N=2^15, r=8 takes 32 MiB per hash, so guessing on a GPU is
 * expensive). The parameters are stored with each hash, so they can be raised for new passwords later.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

export interface PasswordHash extends ScryptParams {
  /** hex */
  hash: string;
  /** hex */
  salt: string;
}

export const SCRYPT_PARAMS: ScryptParams = { N: 2 ** 15, r: 8, p: 1 };
const KEY_BYTES = 32;
const SALT_BYTES = 16;

function derive(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  // 128 * N * r bytes of working memory, plus headroom above Node's 32 MiB default cap.
  const options: ScryptOptions = { ...params, maxmem: 128 * params.N * params.r * 2 };
  return new Promise((ok, fail) => scrypt(password.normalize('NFC'), salt, KEY_BYTES, options, (err, key) => (err ? fail(err) : ok(key))));
}

export async function hashPassword(password: string): Promise<PasswordHash> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, SCRYPT_PARAMS);
  return { ...SCRYPT_PARAMS, hash: key.toString('hex'), salt: salt.toString('hex') };
}

export async function verifyPassword(password: string, stored: PasswordHash): Promise<boolean> {
  const expected = Buffer.from(stored.hash, 'hex');
  const key = await derive(password, Buffer.from(stored.salt, 'hex'), stored);
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** Spends the same work as a real check, so an unknown login takes as long to refuse as a wrong password. */
export async function burnPasswordCheck(password: string): Promise<false> {
  await derive(password, Buffer.alloc(SALT_BYTES), SCRYPT_PARAMS);
  return false;
}
