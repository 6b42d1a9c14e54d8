import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { ptBR } from './pt-BR';

export const LANGUAGES = [
  { code: 'pt-BR', label: 'Português (Brasil)' },
  { code: 'en', label: 'English' },
] as const;
export type Language = (typeof LANGUAGES)[number]['code'];

const STORAGE_KEY = 'adimple.language';

export function initI18n() {
  const saved = localStorage.getItem(STORAGE_KEY);
  const lng: Language = saved === 'en' ? 'en' : 'pt-BR';
  void i18next.use(initReactI18next).init({
    resources: { 'pt-BR': { translation: ptBR }, en: { translation: en } },
    lng,
    fallbackLng: 'pt-BR',
    interpolation: { escapeValue: false },
  });
  document.documentElement.lang = lng;
  return i18next;
}

export function setLanguage(lng: Language) {
  localStorage.setItem(STORAGE_KEY, lng);
  document.documentElement.lang = lng;
  void i18next.changeLanguage(lng);
}
