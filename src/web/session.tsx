/** The logged-in person (GET /api/me), shared by every page. */
import { createContext, useContext } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { TMe } from '../contracts/auth';
import { ApiError, get, setCsrfToken } from './api';

export const MeContext = createContext<TMe | null>(null);

export function useMe(): TMe {
  const me = useContext(MeContext);
  if (!me) throw new Error('useMe outside a session');
  return me;
}

export function useCan(capability: string): boolean {
  const me = useContext(MeContext);
  return !!me?.capabilities.includes(capability);
}

export function useMeQuery() {
  return useQuery({
    queryKey: ['me'],
    queryFn: async () => {
      try {
        const me = await get<TMe>('/api/me');
        setCsrfToken(me.csrfToken);
        return me;
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) return null;
        throw err;
      }
    },
    staleTime: 60_000,
    retry: false,
  });
}
