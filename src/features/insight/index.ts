// What other features may call of insight/: the figure tables' CSV and Excel files (network-insight).
export { type Cell, type FigureTable, figureCsv, figureXlsx } from './render.js';
