import { describe, expect, it } from 'vitest';
import { widgetLanguage } from '../../src/pages/widget-text.js';

describe('widgetLanguage', () => {
  it('defaults to English', () => {
    expect(widgetLanguage(undefined).lang).toBe('en');
    expect(widgetLanguage(null).text.allow).toBe('Allow');
  });

  it('uses the primary subtag of a requested language, any case', () => {
    expect(widgetLanguage('es-MX').lang).toBe('es');
    expect(widgetLanguage('FR').text.allow).toBe('Autoriser');
    expect(widgetLanguage('de_DE').text.deny).toBe('Ablehnen');
  });

  it('falls back to English, lang attribute included, for a language it has no text for', () => {
    const language = widgetLanguage('ja');
    expect(language.lang).toBe('en');
    expect(language.text.allow).toBe('Allow');
  });
});
