import { useSearchParams } from 'react-router-dom';
import type { ProgrammeList } from '../../../features/programmes/contract.js';
import { useLoad } from '../../shared/use-load.js';

/** The programmes the user may see, and the one chosen (?program=<id>, else the first). */
export function useProgramme() {
  const [params, setParams] = useSearchParams();
  const list = useLoad<ProgrammeList>('/api/programmes');
  const programmes = list.data?.programmes ?? [];
  const chosen = programmes.find((p) => p.id === params.get('program')) ?? programmes[0];
  const choose = (id: string) => setParams({ program: id });
  return { list, programmes, chosen, choose };
}
