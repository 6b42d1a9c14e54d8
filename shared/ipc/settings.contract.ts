/** Company settings: the creditor's identification printed on every report and collection document. */
import type { Address } from './contract';
import type { Params } from './schemas';

export type LogoMimeType = 'image/png' | 'image/jpeg';

export interface CompanyLogo {
  mimeType: LogoMimeType;
  /** The image bytes, base64 (≤ 512 KB decoded). */
  base64: string;
}

/** The same address shape as a customer's. */
export type CompanyAddress = Address;

export interface CompanySettings {
  legalName: string;
  tradeName: string | null;
  /** 14 upper-case characters (alphanumeric CNPJ allowed). */
  cnpj: string;
  address: CompanyAddress;
  phone: string | null;
  email: string | null;
  /** The Pix key in the DICT's canonical form; null when the company takes no Pix. */
  pixKey: string | null;
  logo: CompanyLogo | null;
  /** Default late fine in basis points (200 = 2%). */
  defaultFineBp: number;
  /** Default juros de mora per month in basis points (100 = 1% a.m.). */
  defaultMonthlyInterestBp: number;
  updatedAt: string | null;
}

export interface SettingsApi {
  'settings.getCompany': { params: Params<'settings.getCompany'>; result: CompanySettings };
  'settings.updateCompany': { params: Params<'settings.updateCompany'>; result: CompanySettings };
}
