import { describe, expect, it } from 'vitest';
import { providerIconPath, providerIconSvg } from '../../src/pages/provider-icon.js';
import { providerDisplayName } from '../../src/pages/provider-names.js';

describe('providerIconSvg', () => {
  it('draws the provider initial for a known provider, by lower-case file name', () => {
    const svg = providerIconSvg('garmin.svg');
    expect(svg).toContain('<svg');
    expect(svg).toContain('aria-label="Garmin"');
    expect(svg).toContain('>G</text>');
  });

  it('has no icon for unknown providers or other file names', () => {
    expect(providerIconSvg('nobody.svg')).toBeUndefined();
    expect(providerIconSvg('garmin.png')).toBeUndefined();
    expect(providerIconSvg('../garmin.svg')).toBeUndefined();
  });

  it('is where /integrations/detailed says it is', () => {
    expect(providerIconPath('FREESTYLELIBRE')).toBe('/assets/providers/freestylelibre.svg');
  });
});

describe('providerDisplayName', () => {
  it('uses the sandbox provider names and title-cases unknown ids', () => {
    expect(providerDisplayName('GARMIN')).toBe('Garmin');
    expect(providerDisplayName('eight')).toBe('Eight Sleep');
    expect(providerDisplayName('NEW_BRAND')).toBe('New Brand');
  });
});
