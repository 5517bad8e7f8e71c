"""The plain record classes used on the hot path behave as the standard library's data classes do."""

from __future__ import annotations

import pickle

import pytest
from suppcheck.structs import field, record


@record(frozen=True, slots=True)
class Point:
    x: int
    y: int = 0
    tags: tuple = ()


@record
class Bag:
    name: str
    items: list = field(default_factory=list)
    key: tuple = field(init=False, repr=False)

    def __post_init__(self):
        self.key = (self.name, len(self.items))


def test_fields_defaults_and_factories():
    assert (Point(1).x, Point(1).y, Point(1, 2).y) == (1, 0, 2)
    a, b = Bag("a"), Bag("b")
    a.items.append(1)
    assert b.items == [] and a.items is not b.items, "each record gets its own list"
    assert Bag("c", [1, 2]).key == ("c", 2), "__post_init__ runs after the fields are set"
    with pytest.raises(TypeError):
        Point()  # a field without a default is required


def test_equality_hash_and_repr():
    assert Point(1, 2) == Point(1, 2) and Point(1, 2) != Point(2, 1)
    assert len({Point(1, 2), Point(1, 2)}) == 1
    assert repr(Point(1, 2)) == "Point(x=1, y=2, tags=())"
    assert repr(Bag("a")) == "Bag(name='a', items=[])", "a field marked repr=False is not shown"
    assert Bag("a") == Bag("a") and Bag.__hash__ is None, "a mutable record is not hashable"


def test_frozen_slotted_records_refuse_changes_and_pickle():
    p = Point(1, 2)
    with pytest.raises(AttributeError):
        p.x = 3
    with pytest.raises(AttributeError):
        p.other = 1  # slots: no attribute outside the fields
    assert not hasattr(p, "__dict__")
    assert pickle.loads(pickle.dumps(p)) == p
