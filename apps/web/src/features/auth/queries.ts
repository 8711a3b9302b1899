import type { AuthSession } from '@storyos/contracts';
import { type QueryClient, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { sessionStore } from '../../lib/session-store';
import { authApi } from './api';

export const authKeys = {
  all: ['auth'] as const,
  me: () => [...authKeys.all, 'me'] as const,
  quota: () => [...authKeys.all, 'quota'] as const,
};

export const authQueries = {
  me: () => queryOptions({ queryKey: authKeys.me(), queryFn: authApi.me }),
  quota: () => queryOptions({ queryKey: authKeys.quota(), queryFn: authApi.quota }),
};

/** A new identity must never see the previous one's cached data. */
function startSession(queryClient: QueryClient, session: AuthSession): void {
  queryClient.clear();
  sessionStore.setSession(session);
  queryClient.setQueryData(authKeys.me(), session.user);
}

export function useLoginMutation() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: authApi.login, onSuccess: (session) => startSession(queryClient, session) });
}

export function useRegisterMutation() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: authApi.register, onSuccess: (session) => startSession(queryClient, session) });
}

export function useGuestMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: authApi.continueAsGuest,
    onSuccess: (session) => startSession(queryClient, session),
  });
}

export function useUpgradeGuestMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: authApi.upgradeGuest,
    // Same person, same data: keep the cache and refresh what depends on the account type.
    onSuccess: async (session) => {
      sessionStore.setSession(session);
      queryClient.setQueryData(authKeys.me(), session.user);
      await queryClient.invalidateQueries({ queryKey: authKeys.all });
    },
  });
}

export function useLogoutMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: authApi.logout,
    // Sign out locally even when the server cannot be reached: the user asked to leave.
    onSettled: () => {
      sessionStore.clear('logout');
      queryClient.clear();
    },
  });
}
