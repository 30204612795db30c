"""A new school is evaluated as soon as it is created, whatever its levels.

Its sections go live in one insert of publish log entries (no `post_save` per entry), so only
a school whose levels add a section published on its own (a preschool) asked for an evaluation;
a primary or lower-secondary school read "chưa đánh giá" until the nightly sweep (found when 24
of 33 imported schools stayed unrated).
"""

import pytest

from compliance.models import EvaluationRequest
from tests.factories import school_make

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("levels", [["primary"], ["lower_secondary"], ["preschool"]])
def test_a_new_school_asks_for_its_first_evaluation(
    levels, authority, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        school = school_make(
            authority=authority,
            levels=levels,
            domain=f"moi-{levels[0].replace('_', '-')}.localhost",
        )
    assert EvaluationRequest.objects.filter(schema_name=school.schema_name).exists()
    assert callbacks  # the task is sent once the school's transaction commits
