/** Params of the users methods (see users.contract.ts). */
import { z } from 'zod';
import { id, requiredText } from './schema-kit';

export const MIN_PASSWORD_LENGTH = 8;

const login = z
  .string({ error: 'Informe o login' })
  .trim()
  .min(1, 'Informe o login')
  .max(40, 'Login: no máximo 40 caracteres')
  .regex(/^[\p{L}\p{N}._-]+$/u, 'Login: use letras, números, ponto, hífen ou sublinhado, sem espaços');
/** A new password; the typed one at login is only checked against the hash. */
const newPassword = z
  .string({ error: 'Informe a senha' })
  .min(MIN_PASSWORD_LENGTH, `Senha: pelo menos ${MIN_PASSWORD_LENGTH} caracteres`)
  .max(200, 'Senha: no máximo 200 caracteres');
const typedPassword = z.string({ error: 'Informe a senha' }).min(1, 'Informe a senha').max(200, 'Senha: no máximo 200 caracteres');
const name = requiredText(100, 'o nome');
/**
 * A supervisor's (or admin's) login and password typed on someone else's screen to approve what exceeds that
 * person's limits; checked like a login, with the same attempt limit.
 */
export const approvalCredentials = z.object({ login, password: typedPassword }, { error: 'Informe login e senha de quem aprova' });
export const userRole = z.enum(['clerk', 'supervisor', 'admin'], { error: 'Papel inválido: use atendente, supervisor ou administrador' });

export const usersSchemas = {
  'users.status': z.object({}),
  'users.setupAdmin': z.object({ name, login, password: newPassword }),
  'users.login': z.object({ login, password: typedPassword }),
  'users.logout': z.object({}),
  'users.lock': z.object({}),
  'users.changePassword': z.object({ currentPassword: typedPassword, newPassword }),
  'users.list': z.object({}),
  'users.create': z.object({ name, login, role: userRole, password: newPassword }),
  'users.update': z.object({ id, name: name.optional(), role: userRole.optional(), active: z.boolean({ error: 'Ativo: informe sim ou não' }).optional(), password: newPassword.optional() }),
  'users.setIdleLock': z.object({ minutes: z.number({ error: 'Informe os minutos' }).int('Minutos: número inteiro').min(1, 'Minutos: pelo menos 1').max(240, 'Minutos: no máximo 240') }),
  'users.unlock': z.object({ id }),
} satisfies Record<string, z.ZodType>;
