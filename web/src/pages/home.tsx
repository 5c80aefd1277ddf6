import { t } from '../i18n';
import { HOME_OF, useSession } from '../session';

export function HomePage() {
  const { me } = useSession();
  return (
    <>
      <h1>{t('appTitle')}</h1>
      <p>{t('homeIntro')}</p>
      <div class="grid">
        <section class="card">
          <h2><a href="/submit">{t('submit')}</a></h2>
          <p>{t('homeSubmit')}</p>
        </section>
        <section class="card">
          <h2><a href="/track">{t('track')}</a></h2>
          <p>{t('homeTrack')}</p>
        </section>
        <section class="card">
          <h2><a href={me ? HOME_OF[me.role] : '/login'}>{me ? me.fullName : t('login')}</a></h2>
          <p>{t('homeStaff')}</p>
        </section>
      </div>
    </>
  );
}
