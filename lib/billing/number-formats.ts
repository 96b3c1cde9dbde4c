/** The numbered series of a commune: their counter's name and how a number of them is printed. */
export type NumberSeries = { name: string; format: (n: number) => string };

const padded = (n: number) => String(n).padStart(6, "0");

export const invoiceSeries = (year: number): NumberSeries => ({
  name: `F${year}`,
  format: (n) => `F${year}-${padded(n)}`,
});

export const creditNoteSeries = (year: number): NumberSeries => ({
  name: `AV${year}`,
  format: (n) => `AV${year}-${padded(n)}`,
});

export const operationSeries = (year: number): NumberSeries => ({
  name: `OP${year}`,
  format: (n) => `${year}${padded(n)}`,
});
