/**
 * The built-in scenarios as the explorer offers them: grouped as on the findings page, their
 * configs, a line on each experiment, and the settings they fill in.
 */
import type { BuiltInScenario } from '../../src/index.ts';
import type { FieldSpec } from './fields.ts';
import { SECTIONS, sectionOf, type Section } from './sections.ts';
import { isFieldActive, settingFromConfig, type Setting } from './setting.ts';

export class Scenarios {
  private readonly cache = new Map<string, Setting | null>();

  constructor(
    private readonly builtIns: readonly BuiltInScenario[],
    private readonly fields: readonly FieldSpec[],
  ) {
    if (builtIns.length === 0) throw new Error('no built-in scenarios to explore');
  }

  /** The scenario a new page starts with. */
  get first(): string {
    return this.builtIns[0].name;
  }

  names(): string[] {
    return this.builtIns.map((s) => s.name);
  }

  /** The names of a scenario's configs (a built-in such as "seed" runs several). */
  variants(scenario: string): string[] {
    return (this.find(scenario)?.configs ?? []).map((c, i) => c.name ?? `config ${i + 1}`);
  }

  /** The built-ins by findings section, in page order (sections without a built-in left out). */
  groups(): { section: Section; names: string[] }[] {
    return SECTIONS.map((section) => ({ section, names: this.builtIns.filter((b) => sectionOf(b).id === section.id).map((b) => b.name) })).filter((g) => g.names.length > 0);
  }

  section(scenario: string): Section {
    return sectionOf(this.find(scenario));
  }

  /**
   * What the experiment is: its config's own description; for a built-in of several configs
   * without one (online-seed runs two), a line on the chosen config, not on all of them.
   */
  description(scenario: string, variant: number): string {
    const builtIn = this.find(scenario);
    const config = builtIn?.configs[variant];
    if (config?.description) return config.description;
    if (builtIn && builtIn.configs.length > 1) {
      const what = builtIn.description.includes(':') ? builtIn.description.split(':')[0] : (config?.name ?? scenario);
      return `${what}: ${scheduleLine(this.setting(scenario, variant))}`;
    }
    return builtIn?.description ?? '';
  }

  /** The controls filled from a built-in's config, or null when there is none by that name. */
  readonly defaults = (scenario: string, variant: number): Setting | null => {
    const key = `${scenario}\u0000${variant}`;
    if (!this.cache.has(key)) {
      const config = this.find(scenario)?.configs[variant];
      this.cache.set(key, config ? settingFromConfig(scenario, variant, config, this.fields) : null);
    }
    return this.cache.get(key) ?? null;
  };

  /** Like `defaults`, falling back to the first config and then the first scenario. */
  setting(scenario: string, variant: number): Setting {
    return this.defaults(scenario, variant) ?? this.defaults(scenario, 0) ?? (this.defaults(this.first, 0) as Setting);
  }

  /** The name results carry: the config's own, marked when the controls differ from it. */
  configName(setting: Setting): string {
    const config = this.find(setting.scenario)?.configs[setting.variant];
    const name = config?.name ?? setting.scenario;
    return this.isPristine(setting) ? name : `${name} (modified)`;
  }

  private isPristine(setting: Setting): boolean {
    const base = this.defaults(setting.scenario, setting.variant);
    if (!base || base.mode !== setting.mode) return false;
    return this.fields.every((f) => !isFieldActive(f, setting) || (setting.values[f.key] ?? '') === (base.values[f.key] ?? ''));
  }

  private find(scenario: string): BuiltInScenario | undefined {
    return this.builtIns.find((s) => s.name === scenario);
  }
}

/** "20 training episodes at ℓ = 0.05, then 80 of deployment", from the controls. */
export function scheduleLine(setting: Setting): string {
  if (setting.mode === 'spec') return `learning rates ${setting.values.schedule ?? ''}`;
  const { 'schedule.training': training = '0', 'schedule.deployment': deployment = '0', 'schedule.learningRate': rate = '1' } = setting.values;
  const train = `${training} training episodes at ℓ = ${rate || '1'}`;
  return Number(deployment) > 0 ? `${train}, then ${deployment} of deployment` : `${train}, no deployment`;
}
