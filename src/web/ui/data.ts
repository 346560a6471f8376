/**
 * Shared look-ups every feature needs: the agency's units and people (cached a minute), and the
 * upload of attachments. One query key per list, so every page shares one copy.
 */
import { useQuery } from '@tanstack/react-query';
import type { TPerson, TUnit } from '../../contracts/org';
import { get, post } from '../api';

/** Units in force (or, with `all`, every unit ever, dissolved ones included). */
export function useUnits(opts: { all?: boolean; enabled?: boolean } = {}) {
  return useQuery({
    queryKey: ['units', opts.all ?? false],
    queryFn: () => get<TUnit[]>(`/api/units${opts.all ? '?all=true' : ''}`),
    staleTime: 60_000,
    enabled: opts.enabled ?? true,
  });
}

/** People of the agency, or of one unit. */
export function usePeople(unitId?: string | null) {
  return useQuery({
    queryKey: ['people', unitId ?? 'all'],
    queryFn: () => get<TPerson[]>(`/api/people${unitId ? `?unitId=${unitId}` : ''}`),
    staleTime: 60_000,
  });
}

/**
 * Upload files to /api/files; returns their ids. `case` files stay private to the uploader until a
 * case claims them (a letter may show a denouncer's handwriting).
 */
export async function uploadFiles(files: File[], purpose?: 'case'): Promise<string[]> {
  if (!files.length) return [];
  const form = new FormData();
  for (const f of files) form.append('file', f, f.name);
  return (await post<{ id: string }[]>(`/api/files${purpose ? `?purpose=${purpose}` : ''}`, form)).map((f) => f.id);
}
