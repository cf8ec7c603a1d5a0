import type { Analyzer } from '../analyzer';

/** Structural checks of pipelines, Dockerfiles and code (env dumps, secret prints, masks...). */
export const pipelineAnalyzers: Analyzer[] = [];
