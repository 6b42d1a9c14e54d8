// CPF and CNPJ (including the alphanumeric CNPJ valid from July 2026). Stored normalised: 11 digits for a
// CPF, 14 upper-case characters for a CNPJ. Check digits come from cpf-cnpj-validator (mod 11, ASCII − 48),
// whose results the tests cross-check against the RFB vectors.
import { cnpjValidator, cpfValidator } from 'cpf-cnpj-validator';

export type DocumentType = 'CPF' | 'CNPJ';

export type DocumentValidation =
  | { ok: true; value: string; type: DocumentType }
  | { ok: false; message: string };

const CPF_RE = /^\d{11}$/;
const CNPJ_RE = /^[0-9A-Z]{12}\d{2}$/;
const CNPJ_CHARS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

export const MSG_DOCUMENT_LENGTH = 'Documento deve ter 11 dígitos (CPF) ou 14 caracteres (CNPJ)';

/** Strips the mask (`.` `/` `-` and spaces) and upper-cases. */
export function normalizeDocument(input: string): string {
  return input.replace(/[./\-\s]/g, '').toUpperCase();
}

export function documentKind(normalized: string): DocumentType | null {
  if (CPF_RE.test(normalized)) return 'CPF';
  if (CNPJ_RE.test(normalized)) return 'CNPJ';
  return null;
}

function allSame(s: string): boolean {
  return s.length > 0 && [...s].every((c) => c === s[0]);
}

function validateCpf(n: string): DocumentValidation {
  if (!CPF_RE.test(n)) return { ok: false, message: 'CPF inválido: deve conter apenas dígitos' };
  if (allSame(n)) return { ok: false, message: 'CPF inválido: todos os dígitos são iguais' };
  const base = n.slice(0, 9);
  const d1 = cpfValidator.verifierDigit(base);
  const d2 = cpfValidator.verifierDigit(base + d1);
  if (n.slice(9) !== `${d1}${d2}`) return { ok: false, message: 'CPF inválido: dígito verificador não confere' };
  // The library also rejects 123.456.789-09, a well-known placeholder whose check digits happen to match.
  if (!cpfValidator.isValid(n)) return { ok: false, message: 'CPF inválido: número de exemplo, não é um CPF real' };
  return { ok: true, value: n, type: 'CPF' };
}

function validateCnpj(n: string): DocumentValidation {
  if (!/^\d{2}$/.test(n.slice(12))) {
    return { ok: false, message: 'CNPJ inválido: os dois últimos caracteres (dígitos verificadores) devem ser números' };
  }
  if (allSame(n)) return { ok: false, message: 'CNPJ inválido: todos os dígitos são iguais' };
  const base = n.slice(0, 12);
  const d1 = cnpjValidator.verifierDigit(base);
  const d2 = cnpjValidator.verifierDigit(base + d1);
  if (n.slice(12) !== `${d1}${d2}` || !cnpjValidator.isValid(n)) {
    return { ok: false, message: 'CNPJ inválido: dígito verificador não confere' };
  }
  return { ok: true, value: n, type: 'CNPJ' };
}

export function validateDocument(input: string): DocumentValidation {
  const n = normalizeDocument(input);
  if (n === '') return { ok: false, message: 'Documento não informado' };
  const bad = n.match(/[^0-9A-Z]/);
  if (bad) return { ok: false, message: `Documento contém caractere inválido: "${bad[0]}"` };
  if (n.length === 11) return validateCpf(n);
  if (n.length === 14) return validateCnpj(n);
  return { ok: false, message: MSG_DOCUMENT_LENGTH };
}

/** "12.345.678/0001-95", "12.ABC.345/01DE-35", "123.456.789-09"; anything else is returned unchanged. */
export function formatDocument(normalized: string): string {
  const n = normalizeDocument(normalized);
  const kind = documentKind(n);
  if (kind === 'CPF') return `${n.slice(0, 3)}.${n.slice(3, 6)}.${n.slice(6, 9)}-${n.slice(9)}`;
  if (kind === 'CNPJ') return `${n.slice(0, 2)}.${n.slice(2, 5)}.${n.slice(5, 8)}/${n.slice(8, 12)}-${n.slice(12)}`;
  return normalized;
}

/**
 * The CNPJ root (first 8 characters: the company, shared by all its branches). For anything that is not a
 * CNPJ (a CPF) the whole normalised value is returned, so a person groups only with itself.
 */
export function cnpjRoot(normalized: string): string {
  const n = normalizeDocument(normalized);
  return documentKind(n) === 'CNPJ' ? n.slice(0, 8) : n;
}

function pick(random: () => number, alphabet: string): string {
  const i = Math.min(alphabet.length - 1, Math.max(0, Math.floor(random() * alphabet.length)));
  return alphabet.charAt(i);
}

/**
 * A valid CNPJ from the given random source (deterministic for a seeded source): random 8-char root,
 * branch 0001. `alphanumeric` draws the root from [0-9A-Z] (the July 2026 format).
 */
export function generateCnpj(random: () => number, alphanumeric = false): string {
  const alphabet = alphanumeric ? CNPJ_CHARS : CNPJ_CHARS.slice(0, 10);
  let root = '';
  for (let i = 0; i < 8; i++) root += pick(random, alphabet);
  // A degenerate source (e.g. always 0) would give "00000000"; nudge the last character instead of looping.
  if (allSame(root)) root = root.slice(0, 7) + (root[7] === '1' ? '2' : '1');
  const base = `${root}0001`;
  const d1 = cnpjValidator.verifierDigit(base);
  return `${base}${d1}${cnpjValidator.verifierDigit(base + d1)}`;
}

/** A valid CPF from the given random source (deterministic for a seeded source). */
export function generateCpf(random: () => number): string {
  let base = '';
  for (let i = 0; i < 9; i++) base += pick(random, '0123456789');
  if (allSame(base) || base === '123456789') base = base.slice(0, 8) + (base[8] === '0' ? '1' : '0');
  const d1 = cpfValidator.verifierDigit(base);
  return `${base}${d1}${cpfValidator.verifierDigit(base + d1)}`;
}
