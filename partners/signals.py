"""What a partner's change proposal announces, for the staff e-mails above the app (config.staff)."""

from django.dispatch import Signal

# proposal, by: the partner's account sent its proposal for review.
proposal_submitted = Signal()
# proposal, by: a reviewer accepted or rejected it (proposal.status, proposal.rejection_reason).
proposal_decided = Signal()
