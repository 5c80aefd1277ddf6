import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { ApiType } from './api';

export type Me = ApiType<'StaffUser'>;
export type Role = Me['role'];

export interface SessionState {
  me: Me | null;
  /** Re-reads who is signed in (after login or logout). */
  refresh: () => Promise<void>;
}

export const Session = createContext<SessionState>({ me: null, refresh: async () => undefined });
export const useSession = () => useContext(Session);

/** Where each role starts its day. */
export const HOME_OF: Record<Role, string> = {
  RECEPTION_OFFICER: '/inbox',
  AGENCY_OFFICER: '/inbox',
  HEAD_OF_GOVERNMENT: '/escalations',
  FRONT_SUPERVISOR: '/supervision',
  ADMINISTRATOR: '/admin',
};
