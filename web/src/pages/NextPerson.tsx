// "See whom else to ask" on Today: the campaign's suggestions, found from the interview the action
// belongs to. A stop on the way, so that Today need not fetch every such interview up front.
import { useQuery } from '@tanstack/react-query';
import { Navigate, useParams } from 'react-router';
import { api } from '../api';
import { LoadError, Loading } from '../components/common';
import { usePageTitle } from '../hooks';

export function NextPersonPage() {
  usePageTitle('Whom else to ask');
  const { id = '' } = useParams();
  const interview = useQuery({ queryKey: ['interview', id], queryFn: () => api.interviews.get(id) });
  if (interview.isError)
    return (
      <div className="page">
        <h1>Whom else to ask</h1>
        <LoadError error={interview.error} retry={() => void interview.refetch()} />
      </div>
    );
  if (!interview.data) return <Loading what="Finding the campaign" />;
  return <Navigate to={`/campaigns/${interview.data.campaignId}#suggestions`} replace />;
}
