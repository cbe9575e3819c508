/** Energy units the data may use, with their size in watt-hours. */
export const ENERGY_UNITS = { Wh: 1, kWh: 1e3, MWh: 1e6, GWh: 1e9, TWh: 1e12 } as const;

export type EnergyUnit = keyof typeof ENERGY_UNITS;

export interface Energy {
  /** The number as written in the data, e.g. 1.2 */
  readonly value: number;
  /** The unit as written in the data, e.g. "GWh" */
  readonly unit: EnergyUnit;
  /** The same quantity in watt-hours, for sums and comparisons. */
  readonly wh: number;
}

export const ENERGY_PATTERN = /^\s*(\d+(?:\.\d+)?)\s*([kMGT]?Wh)\s*$/;

export function isEnergyUnit(unit: string): unit is EnergyUnit {
  return Object.hasOwn(ENERGY_UNITS, unit);
}

/** "1.2 GWh" → { value: 1.2, unit: 'GWh', wh: 1.2e9 }; undefined when the text is not an energy. */
export function parseEnergy(text: string): Energy | undefined {
  const match = ENERGY_PATTERN.exec(text);
  const unit = match?.[2];
  if (!match?.[1] || unit === undefined || !isEnergyUnit(unit)) return undefined;
  const value = Number(match[1]);
  return { value, unit, wh: value * ENERGY_UNITS[unit] };
}

/** The largest unit in which `wh` is at least 1, so 0.9 GWh reads as 900 MWh. */
export function pickEnergyUnit(wh: number): EnergyUnit {
  const units = Object.entries(ENERGY_UNITS).reverse();
  for (const [unit, size] of units) {
    if (wh >= size && isEnergyUnit(unit)) return unit;
  }
  return 'Wh';
}

export function convertEnergy(wh: number, unit: EnergyUnit): number {
  return wh / ENERGY_UNITS[unit];
}
