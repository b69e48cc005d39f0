import { useTranslation } from 'react-i18next';
import type { RoomPositions } from '../../../shared/consensus/table';
import { PRINCIPLES } from '../../../shared/framework/catalogue';
import './positions-table.css';

/** The table itself: the console's, and the room's screen's in large type. */
export function PositionsTableView({ table, large = false }: { table: Pick<RoomPositions, 'delegations' | 'measures'>; large?: boolean }) {
  const { t } = useTranslation();
  const ds = table.delegations;
  // A measure no one has taken a position on says nothing yet: named in one line under the
  // table, so that the rows where the delegations stand (and who blocks) fit on one screen.
  const taken = table.measures.filter((row) => row.positions.some((p) => p.stance !== 'undecided'));
  const open = table.measures.filter((row) => !taken.includes(row));
  return (
    <div className={large ? 'pt__wrap pt__wrap--large' : 'pt__wrap'}>
      <table className="pt__table">
        <caption className="visually-hidden">{t('consensus.table.caption', { count: ds.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('consensus.table.measure')}</th>
            {ds.map((d) => (
              <th key={d.delegationId} scope="col">
                {d.name}
              </th>
            ))}
            <th scope="col">{t('consensus.table.outcome')}</th>
          </tr>
        </thead>
        <tbody>
          {taken.length === 0 && (
            <tr>
              <td colSpan={ds.length + 2} className="pt__empty">
                {t('consensus.table.noneTaken')}
              </td>
            </tr>
          )}
          {taken.map((row) => (
            <tr key={row.measureId} data-measure={row.measureId} className={row.unanimity.holds ? undefined : 'pt__row--blocked'}>
              <th scope="row">
                <span className="pt__measure">{row.label}</span>
                <span className="pt__category">
                  {row.category} · {t(`consensus.table.ruleName.${row.rule}`)}
                </span>
              </th>
              {row.positions.map((p) => (
                <td key={p.delegationId} className={`pt__cell pt__cell--${p.stance}`} data-delegation={p.delegation} data-stance={p.stance}>
                  <span className="pt__stance">
                    <span aria-hidden="true" className="pt__mark">
                      {STANCE_MARK[p.stance]}
                    </span>{' '}
                    {t(`consensus.stance.${p.stance}`)}
                  </span>
                  {p.text !== null && p.text.trim() !== '' && <span className="pt__text">{p.text}</span>}
                </td>
              ))}
              <td className="pt__verdict" data-holds={row.unanimity.holds}>
                {row.unanimity.holds ? (
                  <span className="pt__holds">
                    <span aria-hidden="true">✓ </span>
                    {row.counts.supports > 0 ? t('consensus.table.holds') : t('consensus.table.holdsNoSupport')}
                  </span>
                ) : (
                  <span className="pt__blocked">
                    <span aria-hidden="true">✕ </span>
                    {t('consensus.table.blockedBy', { names: row.unanimity.blockers.map((b) => b.delegation).join(', ') })}
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr data-row="level">
            <th scope="row">{t('consensus.table.levelRow')}</th>
            {ds.map((d) => (
              <td key={d.delegationId}>
                {d.level === null ? t('consensus.table.noLevel') : t('consensus.table.level', { level: d.level })}
                <span className="pt__category">{d.decided ? t('consensus.table.decided') : t('consensus.table.notDecided')}</span>
              </td>
            ))}
            <td />
          </tr>
          <tr data-row="principles">
            <th scope="row">{t('consensus.table.principlesRow')}</th>
            {ds.map((d) => (
              <td key={d.delegationId} className={d.principlesNotMet.length > 0 ? 'pt__not-met' : undefined}>
                {d.principlesNotMet.length > 0 ? d.principlesNotMet.map((p) => PRINCIPLES[p].label).join(', ') : t('consensus.table.allMet')}
              </td>
            ))}
            <td />
          </tr>
        </tfoot>
      </table>
      {open.length > 0 && taken.length > 0 && (
        <p className="pt__open" data-open-measures={open.map((r) => r.measureId).join(' ')}>
          {t('consensus.table.openMeasures', { count: open.length, measures: open.map((r) => r.label).join('; ') })}
        </p>
      )}
    </div>
  );
}

/** Beside the word, a shape: the stance is never told by colour alone, nor by the shape alone. */
const STANCE_MARK = { supports: '✓', opposes: '✕', abstains: '◐', undecided: '…' } as const;

