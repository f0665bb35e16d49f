import { useLang } from '../../i18n';
import { useWt } from '../messages';
import { formatTime } from '../panel/show-problem';
import type { DraftOffer as Offer } from '../panel/use-plan-editor';

/**
 * A draft found in this browser: when it was stored, on which version, how many features, and
 * whether the server has a newer version since; 恢复本地草稿 or 放弃本地草稿.
 */
export function DraftOffer(props: { offer: Offer; onRestore: () => void; onDiscard: () => void }) {
  const { lang } = useLang();
  const t = useWt();
  const { offer } = props;
  return (
    <div className="draft-offer" role="alert" data-kind={offer.kind}>
      <strong>{t('saveOfferTitle')}</strong>
      {offer.kind === 'unreadable' ? (
        <p>{t('saveOfferUnreadable', { reason: offer.reason })}</p>
      ) : (
        <>
          <p>
            {t('saveOfferText', {
              at: formatTime(offer.draft.savedAt, lang),
              v: offer.draft.baseVersion,
              n: offer.draft.features.length,
            })}
          </p>
          <p className={offer.newest.version > offer.draft.baseVersion ? 'newer' : 'sub'}>
            {offer.newest.version > offer.draft.baseVersion
              ? t('saveOfferNewer', {
                  v: offer.newest.version,
                  author: offer.newest.author ?? '—',
                  at: offer.newest.createdAt ? formatTime(offer.newest.createdAt, lang) : '—',
                })
              : t('saveOfferCurrent', { v: offer.newest.version })}
          </p>
        </>
      )}
      <div className="actions">
        {offer.kind === 'draft' && (
          <button type="button" className="primary" data-action="restore" onClick={props.onRestore}>
            {t('saveOfferRestore')}
          </button>
        )}
        <button type="button" className="secondary" data-action="discard" onClick={props.onDiscard}>
          {t('saveOfferDiscard')}
        </button>
      </div>
    </div>
  );
}
