import { formatBrl } from '../../../../shared/domain/money';

/** Cents as the clerk types money ("20.000,00"), in pt-BR digits whatever the UI language, so that
 * `parseBrlToCents` reads it back. */
export function centsToBrlInput(cents: number): string {
  return formatBrl(cents).replace(/^R\$\s*/u, '');
}
