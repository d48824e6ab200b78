"""Forms of the admin pages of our own (status, flags). They only collect input:
the services decide what is valid, and their messages are shown on the form."""

from django import forms

from tracker.vocabularies import FlagKind, FlagReason, VerificationStatus


class StatusForm(forms.Form):
    status = forms.ChoiceField(choices=VerificationStatus.choices)
    rationale = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 4, "cols": 70}),
        help_text="Why the status changes. Required for every change after a claim's first.",
    )
    resolve_open_flags = forms.BooleanField(
        required=False,
        initial=True,
        label="Resolve the open flags with this verdict",
        help_text="The verdict answers them; the history says which it resolved.",
    )


class FlagForm(forms.Form):
    kind = forms.ChoiceField(choices=FlagKind.choices, initial=FlagKind.COULD_NOT_VERIFY)
    reason = forms.ChoiceField(choices=FlagReason.choices)
    note = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "cols": 70}),
        help_text='Optional, except when the reason is "Other".',
    )


class ResolveForm(forms.Form):
    note = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "cols": 70}),
        help_text="What was done about the flag.",
    )


class AcknowledgeForm(forms.Form):
    note = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2, "cols": 60}),
        help_text="Why the conflict may stand, for whoever reads the event next.",
    )
