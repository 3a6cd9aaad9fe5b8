"""Frames: one event per happening, roles by PLOVER's rules, attribution, clause ownership."""

from eventwire.events.frames import find_frames, noun_phrase
from eventwire.events.lexicon import Lexicon


def frames_of(parser, text):
    return find_frames(parser(text)[:], Lexicon.load())


def roles(frame):
    return (
        [noun_phrase(t).text for t in frame.actor_heads],
        [noun_phrase(t).text for t in frame.recipient_heads],
    )


def test_instrument_and_fighting_merge_into_one_assault(parser):
    (frame,) = frames_of(parser, "Drone strikes in Idlib killed 21 Syrian soldiers in fighting.")
    assert frame.event_type == "ASSAULT"
    assert frame.mode == "drone"
    assert roles(frame) == ([], ["21 Syrian soldiers"])


def test_nationality_of_an_instrument_is_the_actor(parser):
    (frame,) = frames_of(parser, "Syrian airstrikes killed 34 Turkish fighters.")
    assert (frame.mode, frame.cameo) == ("aerial", "195")
    assert roles(frame) == (["Syrian"], ["34 Turkish fighters"])


def test_passive_agent_is_actor_and_subject_is_recipient(parser):
    (frame,) = frames_of(parser, "Three police officers were killed by gunmen in Peshawar.")
    assert roles(frame) == (["gunmen"], ["Three police officers"])


def test_light_verb_gives_the_actor_of_a_noun_event(parser):
    (frame,) = frames_of(parser, "Turkey had ramped up its attack on Syrian forces.")
    assert frame.event_type == "ASSAULT"
    assert roles(frame) == (["Turkey"], ["Syrian forces"])


def test_joint_announcement_of_a_ceasefire_is_an_agreement_between_the_parties(parser):
    frames = frames_of(parser, "Erdogan and Putin announced a cease-fire in the area.")
    (frame,) = [f for f in frames if f.event_type == "AGREE"]
    assert frame.mode == "ceasefire"
    assert roles(frame) == (["Erdogan"], ["Putin"])


def test_attribution_is_the_subject_of_the_saying_verb(parser):
    (frame,) = frames_of(parser, "Gunmen killed five villagers, police said on Tuesday.")
    assert frame.attribution.text == "police"


def test_subordinate_clause_is_its_own_event_with_its_own_tokens(parser):
    doc = parser("Turkey ramped up its attack on Sunday after Syrian airstrikes killed 34 soldiers.")
    frames = find_frames(doc[:], Lexicon.load())
    assert len(frames) == 2
    main = next(f for f in frames if f.trigger.text == "attack")
    sub = next(f for f in frames if f.trigger.text == "killed")
    words_main = {doc[i].text for i in main.tokens}
    words_sub = {doc[i].text for i in sub.tokens}
    assert "34" in words_sub and "34" not in words_main
    assert "Sunday" in words_main and "Sunday" not in words_sub


def test_content_of_a_request_is_not_a_separate_event(parser):
    frames = frames_of(parser, "The UN urged both sides to stop the fighting in Tigray.")
    assert [f.event_type for f in frames] == ["REQUEST"]


def test_anaphoric_mention_is_not_a_new_event(parser):
    frames = frames_of(parser, "Turkey said the strikes were justified.")
    assert frames == []


def test_no_trigger_no_event(parser):
    assert frames_of(parser, "Idlib is the final stronghold of opposition forces.") == []
