import { cpus, totalmem } from 'node:os';

/** The machine a figure was measured on, as every benchmark report names it: "AMD EPYC, 2 cores, 24 GiB RAM, Node v20.20.2". */
export const describeMachine = (): string => {
  const cpu = cpus();
  return `${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}`;
};
