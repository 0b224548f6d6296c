import { Link } from 'react-router';
import { usePageTitle } from '../hooks';

export function NotFoundPage() {
  usePageTitle('Page not found');
  return (
    <div className="page">
      <h1>Page not found</h1>
      <p>
        There is no page at this address. <Link to="/">Go to Today</Link>.
      </p>
    </div>
  );
}
