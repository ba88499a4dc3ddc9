import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, normaliseSettings } from './settings.js';

describe('normaliseSettings', () => {
  it('falls back to the defaults for anything that is not a settings object', () => {
    for (const raw of [null, undefined, 42, 'x', []]) expect(normaliseSettings(raw)).toEqual({ ...DEFAULT_SETTINGS, rules: {} });
  });

  it('keeps valid rule severities (nested or flat keys) and drops the rest, including "default"', () => {
    const settings = normaliseSettings({
      rules: { 'no-negcache': 'error', 'log-queries': 'default', 'cache-size': 7 },
      'rules.server-syntax': 'off',
      enable: 'yes',
    });
    expect(settings.rules).toEqual({ 'no-negcache': 'error', 'server-syntax': 'off' });
    expect(settings.enable).toBe(true);
  });

  it('keeps a valid corednsVersion in full form and drops anything else', () => {
    expect(normaliseSettings({ corednsVersion: 'v1.11' }).corednsVersion).toBe('1.11.0');
    expect(normaliseSettings({ corednsVersion: ' 1.8.4 ' }).corednsVersion).toBe('1.8.4');
    for (const bad of ['', 'latest', 1.1, null]) expect(normaliseSettings({ corednsVersion: bad }).corednsVersion).toBeUndefined();
  });

  it('clamps the delays into sane bounds', () => {
    expect(normaliseSettings({ lintDelayMs: -5, lintTimeoutMs: 1 })).toMatchObject({ lintDelayMs: 0, lintTimeoutMs: 100 });
    expect(normaliseSettings({ lintDelayMs: Number.NaN, lintTimeoutMs: 1e12 })).toMatchObject({ lintDelayMs: 200, lintTimeoutMs: 600_000 });
  });
});
