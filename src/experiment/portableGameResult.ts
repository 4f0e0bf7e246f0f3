/**
 * A game run as plain data: the same result with each expression reduced to its source text and
 * variables, without the syntax tree. It survives structured cloning (postMessage between the
 * explorer's worker and page), and it is all the report functions read (JSON, CSV, figure).
 */
import type { Expression } from '../model/expression.ts';
import type { Game } from '../model/game.ts';
import type { ParsedGameConfig } from '../model/gameConfig.ts';
import type { GameResult } from './gameExperiment.ts';

export type ExpressionText = Pick<Expression, 'source' | 'variables'>;

type ExpressionField = 'baseObjective' | 'believedObjective' | 'mesaCost';

export type PortableGame = Omit<Game, ExpressionField> & { readonly [K in ExpressionField]: ExpressionText };

export interface PortableGameResult extends Omit<GameResult, 'config'> {
  readonly config: Omit<ParsedGameConfig, 'game'> & { readonly game: PortableGame };
}

const text = (e: ExpressionText): ExpressionText => ({ source: e.source, variables: [...e.variables] });

export function toPortableGameResult(result: GameResult): PortableGameResult {
  const { game } = result.config;
  return {
    ...result,
    config: {
      ...result.config,
      game: { ...game, baseObjective: text(game.baseObjective), believedObjective: text(game.believedObjective), mesaCost: text(game.mesaCost) },
    },
  };
}
