import { defineProblem } from '../types.js';
import { ForecastInstance } from './schema.js';
import { forecast as solveForecast, validateForecast } from './solve.js';
import { checkForecast } from './check.js';

export const forecast = defineProblem({
  name: 'forecast',
  title: 'workload forecasts with calibrated (conformal) intervals and a backtest',
  schema: ForecastInstance,
  validate: validateForecast,
  solve: (instance: ForecastInstance) => solveForecast(instance),
  check: checkForecast,
});
