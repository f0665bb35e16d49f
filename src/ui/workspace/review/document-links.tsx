import { useWt } from '../messages';
import { documentPath } from './review-api';

/** A published plan's documents for its staff: the 公告 in both tiers, the boards, the archive. */
export function DocumentLinks({ planId }: { planId: string }) {
  const t = useWt();
  const links = [
    ['notice-pdf', documentPath(planId, 'notice.pdf'), t('docNoticePdf')],
    ['notice-docx', documentPath(planId, 'notice.docx'), t('docNoticeDocx')],
    ['notice-full-pdf', documentPath(planId, 'notice.pdf', true), t('docNoticeFullPdf')],
    ['notice-full-docx', documentPath(planId, 'notice.docx', true), t('docNoticeFullDocx')],
    ['boards', documentPath(planId, 'boards.pdf'), t('docBoards')],
    ['archive', documentPath(planId, 'archive.zip'), t('docArchive')],
  ] as const;
  return (
    <section className="review-documents" aria-labelledby="review-documents-title">
      <h4 id="review-documents-title">{t('docsTitle')}</h4>
      <ul className="documents">
        {links.map(([id, href, label]) => (
          <li key={id}>
            <a href={href} download data-doc={id}>
              {label}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
