import { Button } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../app/i18n.js';
import { useSession } from '../app/session.js';

/** Bokmål, nynorsk or English; each name is written in its own language. */
export function LanguageChoice() {
  const { t, i18n } = useTranslation();
  const { changeLanguage } = useSession();
  return (
    <fieldset className="language-choice">
      <legend className="language-choice__label">{t('language.label')}</legend>
      <ul className="language-choice__list">
        {LANGUAGES.map((language) => (
          <li key={language}>
            <Button
              variant={i18n.language === language ? 'secondary' : 'tertiary'}
              data-size="sm"
              lang={language}
              aria-pressed={i18n.language === language}
              onClick={() => changeLanguage(language)}
            >
              {t(`language.${language}`)}
            </Button>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
