import { useState } from 'preact/hooks';
import { api, type ApiType } from '../api';
import { ErrorBox } from '../components/data';
import { Field, inputValue, useSubmit } from '../components/form';
import { t } from '../i18n';
import { navigate } from '../router';
import { HOME_OF, useSession } from '../session';

export function LoginPage() {
  const { refresh } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const form = useSubmit(
    () => api<ApiType<'LoginSession'>>('/api/auth/login', { body: { email, password } }),
    async ({ user }) => {
      await refresh();
      const next = new URLSearchParams(location.search).get('next');
      navigate(next && next.startsWith('/') && !next.startsWith('//') ? next : HOME_OF[user.role]);
    },
  );
  return (
    <section class="card" style={{ maxWidth: '28rem' }}>
      <h1>{t('login')}</h1>
      <form onSubmit={form.submit} noValidate>
        <ErrorBox error={form.error} />
        <Field label={t('email')} required error={form.fields.email}>
          {(p) => <input {...p} type="email" autoComplete="username" value={email} onInput={(e) => setEmail(inputValue(e))} />}
        </Field>
        <Field label={t('password')} required error={form.fields.password}>
          {(p) => <input {...p} type="password" autoComplete="current-password" value={password} onInput={(e) => setPassword(inputValue(e))} />}
        </Field>
        <div class="actions">
          <button type="submit" disabled={form.busy}>{t('signIn')}</button>
        </div>
      </form>
    </section>
  );
}
