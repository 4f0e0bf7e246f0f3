/**
 * A finding: one research question answered by running the tool. Its report holds the measured
 * table, the figures (Vega-Lite specs, rendered by the page generator) and an answer written from
 * the measured numbers — never typed in by hand — so `mesalab run findings` regenerates the whole
 * page and every number on it.
 */
import type { TopLevelSpec } from 'vega-lite';

export interface Finding {
  /** Identifier, e.g. "regularizer"; figures are named `<name>-<figure>.png`. */
  readonly name: string;
  /** Section title on the findings page. */
  readonly title: string;
  /** The question, as a researcher would ask it. */
  readonly question: string;
  /** The model in equations and the modelling choices (Markdown). */
  readonly model: string;
  /** Computes the report; may take a few seconds, never minutes. */
  compute(): FindingReport | Promise<FindingReport>;
}

export interface FindingTable {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly (string | number | null)[])[];
}

export interface FindingFigure {
  /** Short file-name part, e.g. "first-coefficient". */
  readonly id: string;
  readonly caption: string;
  readonly spec: TopLevelSpec;
}

export interface FindingReport {
  readonly table: FindingTable;
  readonly figures: readonly FindingFigure[];
  /** Two or three sentences answering the question, built from the measured numbers. */
  readonly answer: string;
  /** Commands that reproduce numbers of the table (runScenario.ts's reproduceCommand), each with what it shows. */
  readonly reproduce: readonly Reproduction[];
}

export interface Reproduction {
  /** What the command's output shows, e.g. "seed-2 at λ = 0.1 (a table row)". */
  readonly what: string;
  readonly command: string;
}
