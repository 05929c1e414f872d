export type {
  Count,
  GroupComparison as Group,
  InsightFigures as Insight,
  Share,
  Verdict,
} from '../../../features/insight/contract.js';
