// The bundled Tianchi excerpt (data/tianchi-apps.csv; docs/data.md) as text: pure parsing,
// no file system (the playground runs it in the browser; ./tianchi.ts reads the file).

export interface AppDemand {
  app: string;
  instances: number;
  /** per-instance CPU cores over one day, 98 points (about every 15 minutes) */
  cpu: number[];
}

/** Parse the excerpt's text (`app,instances,cpu curve joined by |`, '#' comments). */
export function parseBundledApps(text: string): AppDemand[] {
  const apps: AppDemand[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.startsWith('#') || line.startsWith('app,')) continue;
    const [app, instances, cpu] = line.split(',');
    apps.push({ app: app!, instances: Number(instances), cpu: cpu!.split('|').map(Number) });
  }
  return apps;
}

/** Demand of an app in cores: per-instance curve times the instance count. */
export function appDemand(a: AppDemand): number[] {
  return a.cpu.map((x) => Math.round(x * a.instances * 1e6) / 1e6);
}
