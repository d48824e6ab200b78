"""The admin lists' row checkbox is the tag Django's own widget would write."""

import pytest
from django.contrib import admin

from tests.factories import make_claim
from tracker.models import Claim

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "text",
    ["Twelve people were killed", 'A "quoted" <b>claim</b> & more', "x" * 200],
)
def test_the_checkbox_is_djangos(text):
    claim = make_claim(text=text)
    claims = admin.site._registry[Claim]
    ours = claims.action_checkbox(claim)
    assert ours == admin.ModelAdmin.action_checkbox(claims, claim)
    assert f'value="{claim.pk}"' in ours


def test_every_tracker_list_uses_it():
    for model, model_admin in admin.site._registry.items():
        if model._meta.app_label == "tracker" and model_admin.actions is not None:
            assert type(model_admin).action_checkbox is not admin.ModelAdmin.action_checkbox, model
