import { signOutAction } from '@/app/account/actions.ts';
import { Button } from '@/components/ui/button.tsx';

/** A form posting to the sign-out server action (works without JavaScript). */
export function SignOutButton() {
  return (
    <form action={signOutAction}>
      <Button type="submit" variant="secondary" size="sm">
        Sign out
      </Button>
    </form>
  );
}
