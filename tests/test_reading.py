"""Reading a person's own words: warning signs first, with negation, then the topic."""

from __future__ import annotations

import re

import pytest

from skill import lexicon, reading
from skill.reading import LUMP_CHANGES, NERVE_SIGNS, NO_RELIEF, OTHER_GROWTH, SERIOUS, SEVERE_PAIN, read


@pytest.mark.parametrize(
    ("said", "sign"),
    [
        ("my left foot keeps going numb", NERVE_SIGNS),
        ("pins and needles in both calves", NERVE_SIGNS),
        ("I can't feel the outside of my knee", NERVE_SIGNS),
        ("my leg gives way on the stairs", NERVE_SIGNS),
        ("no my toes are tingling", NERVE_SIGNS),  # "no" answers a question, then the sign
        ("the lump is getting bigger", LUMP_CHANGES),
        ("now a second bump has come up just beside the first", LUMP_CHANGES),
        ("there seem to be more lumps around it than there were", LUMP_CHANGES),
        ("I've had the thing for about half a year", LUMP_CHANGES),
        ("her leg went from under her on the stairs", NERVE_SIGNS),
        ("heat packs every night for a fortnight, no help", NO_RELIEF),
        ("I had to leave work early yesterday, it was that sore", SEVERE_PAIN),
        ("I'm having to miss a shift because of it", SEVERE_PAIN),
        ("my dad has pains in his chest as well as the lump", SERIOUS),
        ("it's been there for three weeks", LUMP_CHANGES),
        ("I can't sleep because of it", SEVERE_PAIN),
        ("it's not dull, it's the worst pain", SEVERE_PAIN),
        ("what if it's a cyst", OTHER_GROWTH),
        ("how do I know it's not a tumour", OTHER_GROWTH),  # a worry, not a denial
        ("I've stretched for two weeks and nothing helps", NO_RELIEF),
        ("heat doesn't do anything for it", NO_RELIEF),
        ("I've got a fever too", SERIOUS),
        ("i cant control my bladder", SERIOUS),  # typed without the apostrophe
        ("I can't feel anything when I wipe", SERIOUS),  # the "can't" states it; it denies nothing
        ("it's rock solid and doesn't move", LUMP_CHANGES),
        ("it keeps waking me up at night", SEVERE_PAIN),
        ("I've been doing those for weeks and nothing", NO_RELIEF),
        ("I honestly don't believe this thing is a muscle knot at all", OTHER_GROWTH),
        ("I've lost ten kilos without even trying", SERIOUS),
        ("the lump is so sore I can't even brush it", LUMP_CHANGES),
        ("I'm dragging my left foot a bit since the gym", NERVE_SIGNS),
        ("I can't get in and out of the car", SEVERE_PAIN),
        ("the massage didn't make a blind bit of difference", NO_RELIEF),
        ("three days of ice and nada", NO_RELIEF),
        ("I've done a month of stretching, why isn't it easing", NO_RELIEF),
        ("I can't bend over properly because of the pain", SEVERE_PAIN),  # pain named: not a mere limit
        ("it's so stiff I can't get out of bed", SEVERE_PAIN),  # a daily task, not a range of movement
        ("my left leg is weaker than the other one", NERVE_SIGNS),
        ("my knees keep giving way", NERVE_SIGNS),
        (
            "I was walking the dog and the lump on my back has been there for weeks",
            LUMP_CHANGES,
        ),  # a joint as the subject still has its nerve signs
        # A sign said with a negation: the negation is the sign.
        ("it hasn't gone away", LUMP_CHANGES),
        ("the swelling still hasn't gone down at all", LUMP_CHANGES),
        ("not shrinking even a bit", LUMP_CHANGES),
        ("it hasn't eased at all", NO_RELIEF),
        ("not getting any better", NO_RELIEF),
        ("no, not getting any better", NO_RELIEF),  # "no" answers; the words after it are the sign
        ("it won't let me sleep", SEVERE_PAIN),
        ("I haven't slept in days", SEVERE_PAIN),
        ("my leg won't hold my weight", NERVE_SIGNS),
        ("I can't put weight on my left leg", NERVE_SIGNS),
        ("it's not my back that's weak, it's my whole leg, like it might buckle", NERVE_SIGNS),
        ("my foot sort of flops down when I walk", NERVE_SIGNS),
        ("it just came straight back", NO_RELIEF),
        ("it's still sore weeks later", NO_RELIEF),
        ("still sore after all this time", NO_RELIEF),
        ("what else could it be apart from a knot", OTHER_GROWTH),
        ("struggling to breathe and my back hurts", SERIOUS),
        ("I can't feel when I need to go", SERIOUS),
        # Signs in the words of dev14 to dev19's writers.
        ("there's a burning in my bum cheek that goes right down to my heel", NERVE_SIGNS),
        ("a burning tingle from the back of my hip right down to the knee", NERVE_SIGNS),
        ("my leg is paining and it is like ants are walking inside it", NERVE_SIGNS),
        ("the leg is just not strong anymore", NERVE_SIGNS),
        ("there's two of them now", LUMP_CHANGES),
        ("the knot it is becoming more big day by day", LUMP_CHANGES),
        ("this lump I've had since summer has gone proper hard", LUMP_CHANGES),
        ("it's way more than tender, I nearly screamed when my wee one leaned on it", LUMP_CHANGES),
        ("my wife had to put my socks on for me this morning", SEVERE_PAIN),
        ("it took me twenty minutes to get out of bed this morning cause of the pain", SEVERE_PAIN),
        ("I keep waking up cos of it", SEVERE_PAIN),
        ("I missed my shift yesterday", SEVERE_PAIN),
        ("I honestly can't do my rounds with this back", SEVERE_PAIN),
        ("my friend said it might be a back mouse", OTHER_GROWTH),
        ("my gut says this isn't a muscle thing at all", OTHER_GROWTH),
        ("it's a few weeks of looking after it myself and it's still sore", NO_RELIEF),
        ("still sore after all the stretches", NO_RELIEF),
        ("three months of this", NO_RELIEF),
        ("I did what the video said for two weeks and there's zero difference", NO_RELIEF),
        ("I've rested for nearly a month and it doesn't feel any different", NO_RELIEF),
        ("I wasn't actually exercising, I fell off a ladder", SERIOUS),  # the "not" is another clause's
        ("I've not been able to pee properly since yesterday", SERIOUS),
        ("after training it burns down the back of my leg like a hot wire", NERVE_SIGNS),
        ("I had to go home halfway through my night shift because of it", SEVERE_PAIN),
        ("my lump's gone from pea size to about the size of a grape", LUMP_CHANGES),
        ("it rolls around like a marble, not like a knot", OTHER_GROWTH),
        ("yoga and hot baths every night since easter and this thing still hurts", NO_RELIEF),
        ("honestly the stretches are useless", NO_RELIEF),
        ("could it not be a cyst instead", OTHER_GROWTH),  # a question, not a denial
        ("I didn't get a wink of sleep last night because of it", SEVERE_PAIN),
        ("I did everything you said last week and it's still sore", NO_RELIEF),
        ("it was small, now it's massive compared to when I first found it", LUMP_CHANGES),
        ("it's gotten really hard and lumpy", LUMP_CHANGES),
        ("I'm burning up and my back's sore", SERIOUS),
        ("whatever I do, stretching, rolling, the hot bath, it stays the same", NO_RELIEF),
        ("I'm honestly worried it's something more serious than that", OTHER_GROWTH),
        ("I've lost some strength in my ankle and can't push off when I run", NERVE_SIGNS),
        ("I'm in serious pain", SEVERE_PAIN),
        ("it's like a stone under the skin", LUMP_CHANGES),
        ("it went from pea size to grape size", LUMP_CHANGES),
        ("there's now two lumps where there was only one", LUMP_CHANGES),
        ("I can't lift my foot up properly, it sort of drags along the ground", NERVE_SIGNS),
        ("my foot's gone to sleep and it won't wake up", NERVE_SIGNS),
        ("the pain's too bad to even try stretching", SEVERE_PAIN),
        ("the pain's getting in the way of everything", SEVERE_PAIN),
        ("walking to the shop is a nightmare now", SEVERE_PAIN),
        ("it takes me ten minutes to get out of bed with the pain", SEVERE_PAIN),
        ("abeg this pain no dey let me sleep at all", SEVERE_PAIN),
        ("I think it could be something other than a muscle knot", OTHER_GROWTH),
        ("I've had two massages already and it's still sore as anything", NO_RELIEF),
        ("ice and heat both useless", NO_RELIEF),
        ("tried stretching, tried rolling, and none of it has made the slightest difference", NO_RELIEF),
        ("I tried that for the past fortnight, didn't do a thing", NO_RELIEF),
        ("someone hit me in the back with a bat", SERIOUS),
        ("my groin's gone numb", SERIOUS),
        ("it's not a dull ache though, it's absolutely horrendous", SEVERE_PAIN),
        ("my bum and the insides of my thighs have gone numb", SERIOUS),
        ("it's gone a funny colour over the top", LUMP_CHANGES),
        ("the pain makes me feel sick", SEVERE_PAIN),
        ("I've been doing everything you'd expect for ages and I'm getting nowhere", NO_RELIEF),
        ("I collapsed after the workout", SERIOUS),
        ("I've already rested a whole month", NO_RELIEF),
        ("it's been days and days and it's still not going", LUMP_CHANGES),
        ("I've got no feeling in my groin", SERIOUS),
        ("I fell down the stairs this morning onto my back", SERIOUS),
        ("I've been taking painkillers and I still can't get a proper night's sleep", SEVERE_PAIN),
        ("the kids want me to play football and I can't at all because of it", SEVERE_PAIN),
        ("the tennis ball trick's doing nothing", NO_RELIEF),  # not "sitting about doing nothing"
        ("it went from like a pea to a grape", LUMP_CHANGES),
        ("it keeps changing size on me", LUMP_CHANGES),
        ("I had to call out of my shift", SEVERE_PAIN),
        ("that bad I can't even tie me laces", SEVERE_PAIN),
        ("my grandpa fell in the shower and now he's got a lump on his lower back", SERIOUS),
        ("a guy kicked me in the back at soccer and there's a lump there now", SERIOUS),
        ("it feels soft and not like a muscle at all", OTHER_GROWTH),
        ("it's so sore", LUMP_CHANGES),  # said of the lump alone: the very painful lump
        ("the lump itself is exceedingly painful now", LUMP_CHANGES),
        ("it's definitely wider than on Sunday", LUMP_CHANGES),
        ("I had a massage and the knot came straight back", NO_RELIEF),
        ("why isn't my back knot getting better, I've been resting it", NO_RELIEF),
        ("had to leave uni early because my lower back was that bad", SEVERE_PAIN),
        ("could I have herniated something", OTHER_GROWTH),
        ("this big lad kneed me right in the back and now there's a lump", SERIOUS),  # "me right" is not "my right"
        ("both legs are suddenly too weak to stand on", SERIOUS),
        # A new clause with no word to mark it: the "can't" before it does not reach the pain.
        ("I can't even do any of that the pain's way too bad", SEVERE_PAIN),
        ("self care a week still sore", NO_RELIEF),  # "[rested] a week, still sore"
        ("this morning I couldn't feel the water on the bottom of my foot", NERVE_SIGNS),
        # The subject opens the sign ("the pain is insane"): the "can't" of the clause before does not reach it.
        ("I can't ride at all right now the pain is insane", SEVERE_PAIN),
        ("the pain is worse than when I broke my wrist", SEVERE_PAIN),  # an old injury, named to compare
        ("had this lump since my last meet and that was two months ago", LUMP_CHANGES),
        ("rested three weeks and it's still knotted up", NO_RELIEF),
        ("stretching hasn't touched it and I've been at it since last week", NO_RELIEF),
        ("took a knee to the lower back in footy and it's come up in a lump", SERIOUS),
        ("I literally cannot stand up", SERIOUS),
        ("I just couldn't the pain was unreal", SEVERE_PAIN),  # "couldn't", then a new clause
        ("I take ibuprofen already one week and still the lump is hurting", NO_RELIEF),
        ("a van reversed into me in the car park and now my back's got a lump", SERIOUS),
        ("it started tiny but it's doubled", LUMP_CHANGES),
        ("there's a numb patch around my bottom right where I sit", SERIOUS),  # the saddle area
        ("my husband pinched my calf to test it and I hardly felt a thing", NERVE_SIGNS),
        ("I can't push off with my left foot when I run anymore", NERVE_SIGNS),
        ("self care drank loads of water took time off the gym and it's exactly the same", NO_RELIEF),
        ("the physio already said it might not be a muscle knot", OTHER_GROWTH),
        ("the pain from this lump has stopped me working all week", SEVERE_PAIN),
        ("walking the dog is impossible at the moment with my back", SEVERE_PAIN),
        ("the dog is impossible at the moment with my back", SEVERE_PAIN),  # "walking" taken by the carrier
        ("me ten minutes to get out of the car this morning", SEVERE_PAIN),  # "took" taken by the carrier
        ("I can't tell when I need a wee any more", SERIOUS),
        ("took a hard tackle in football straight into my lower back", SERIOUS),
        ("I'm not convinced it's muscle, it's right on the surface", OTHER_GROWTH),
        ("the swelling around it has spread out", LUMP_CHANGES),
        ("noticed it after rowing in march and it's still sat there now", LUMP_CHANGES),
        ("the one I found like a month ago is honestly still exactly there", LUMP_CHANGES),
        # Self-care, then no change in other words
        ("been on ibuprofen all week and the lump's still sore", NO_RELIEF),
        ("a week of using the massage ball and it's just as sore", NO_RELIEF),
        ("the stretches haven't made a dent in it in three weeks", NO_RELIEF),
        ("I had a massage on friday and another on monday and it's exactly as it was", NO_RELIEF),
        ("tried the foam roller and a hot water bottle and nothing's really changed", NO_RELIEF),
        ("I've been taking ibuprofen for a week now and it doesn't even touch it", NO_RELIEF),
        ("I've been doing all the usual stuff for weeks", NO_RELIEF),
        ("I had two professional massages and the lump didn't move at all", NO_RELIEF),
        ("been chugging water for weeks like three liters a day and the knot's the same", NO_RELIEF),
        ("quit the gym for two weeks and I'm no better", NO_RELIEF),
        ("tried ice tried heat neither did anything", NO_RELIEF),
        ("self care useless after ten days", NO_RELIEF),  # "[massage ball] useless after ten days"
        ("self care and ice both failed", NO_RELIEF),
        # Told for someone else, or with the first words taken by a carrier
        ("my husband's back pain wakes him up every single night", SEVERE_PAIN),
        ("the pain's stopping my girlfriend from bending down to tie her shoes", SEVERE_PAIN),
        ("my partner hasn't been able to go to work all week because of his back", SEVERE_PAIN),
        ("my wife says she's gone numb between her legs", SERIOUS),
        ("up three times last night cause of this knot", SEVERE_PAIN),  # "woke" taken by the carrier
        ("I've been laid up on the couch for two days", SEVERE_PAIN),
        ("only limp", SEVERE_PAIN),  # "can" taken by the carrier
        ("I'm shuffling round the house like an old man, the pain's that bad", SEVERE_PAIN),
        ("I've been on the floor for an hour, I can't get up", SERIOUS),
        ("the kettlebell swung back and smacked me right in the spine", SERIOUS),
        ("took a hockey stick right to the lower back", SERIOUS),
        ("can't hardly feel the bottom of my foot", NERVE_SIGNS),
        ("I noticed it after harvest and it's still hanging about three weeks later", LUMP_CHANGES),
        ("I can't do this the pain's way too bad", SEVERE_PAIN),  # the pain opens a clause of its own
        ("is it normal for a knot to swell up overnight", LUMP_CHANGES),
        ("the lump has got a lot more painful this week", LUMP_CHANGES),
        ("the ice packs have been useless for days now", NO_RELIEF),
        ("nothing I've tried over the last few weeks is working", NO_RELIEF),
        ("did child's pose for two weeks straight and I still got the lump", NO_RELIEF),
        ("self care the whole week and the knot is still paining", NO_RELIEF),  # "[rested] the whole week..."
        ("after the heating pad every night for two weeks the pain is not reducing", NO_RELIEF),
        ("ngl it feels way too round and hard to be a knot", OTHER_GROWTH),
        ("I can't even do normal stuff like the food shop", SEVERE_PAIN),
        ("the pain has stopped me doing everything", SEVERE_PAIN),
        ("I'm not able to go to office because of this back pain", SEVERE_PAIN),
        ("since two days the pain is not letting me sleep", SEVERE_PAIN),
        ("my back's so messed up I skipped school two days in a row", SEVERE_PAIN),
        ("I can't feel anything around my bottom when I sit on the toilet", SERIOUS),
        ("my groin area feels numb", SERIOUS),
        ("it's numb around my bum and privates", SERIOUS),
        ("took a knee straight into my lower back at training", SERIOUS),
        ("can't really control when I need to poop since my back started hurting", SERIOUS),
        ("I couldn't hold my stool today", SERIOUS),
        ("well I did fall off the step ladder last week if that matters", SERIOUS),
        ("it's soft and rubbery, not hard like a muscle", OTHER_GROWTH),
        ("felt the lump come up and now my calf feels all burny and odd", NERVE_SIGNS),
        ("my back's that painful I couldn't get out to the allotment all week", SEVERE_PAIN),
        ("I don't care what it is, my toes have been tingling since lunch", NERVE_SIGNS),  # impatience, no denial
        ("is it no a lump of fat", OTHER_GROWTH),  # Scots "no" for "not": asked, not denied
        ("hmm that's nothing like mine, mine feels soft and squishy", OTHER_GROWTH),  # a knot's account does not fit
        ("every day it's puffing up a bit more", LUMP_CHANGES),
    ],
)
def test_a_warning_sign_in_any_words_is_read(said, sign):
    assert read(said).signs[0] == sign


@pytest.mark.parametrize(
    ("said", "sign"),
    [
        ("no numbness at all", NERVE_SIGNS),
        ("I don't have any tingling in my legs", NERVE_SIGNS),
        ("my legs feel totally normal", NERVE_SIGNS),
        ("it's not getting bigger", LUMP_CHANGES),
        ("it hasn't changed size", LUMP_CHANGES),
        ("I can walk fine", SEVERE_PAIN),
        ("it's not that painful honestly", SEVERE_PAIN),
        ("I'm sleeping fine", SEVERE_PAIN),
        ("I only noticed it yesterday so it's pretty new", NO_RELIEF),
        ("it's soft not hard", LUMP_CHANGES),
        ("no loss of feeling anywhere", NERVE_SIGNS),
        ("I don't have a fever or anything", SERIOUS),
        ("none of those thank god", reading.ANY_SIGN),
        ("no those", reading.ANY_SIGN),
        ("no those things", reading.ANY_SIGN),  # "none of those", with the carrier's "no" read back
        ("no that applies to me thankfully", reading.ANY_SIGN),
        ("not getting worse", LUMP_CHANGES),
        ("no burning feeling no", NERVE_SIGNS),
        ("feeling's all normal", NERVE_SIGNS),
        ("my legs feel strong", NERVE_SIGNS),
        ("I slept fine last night", SEVERE_PAIN),
        ("it hasn't been long, maybe since last night", NO_RELIEF),
        ("my daughter asked if it was a tumour but I don't think so", OTHER_GROWTH),
        ("it's improving with rest", NO_RELIEF),
        ("no leg problems at all just the back", NERVE_SIGNS),
        ("it doesn't go down my leg at all", NERVE_SIGNS),
        ("nope it stays in one spot", NERVE_SIGNS),
        ("none of those i'm fine", reading.ANY_SIGN),
        ("no those i'm fine", reading.ANY_SIGN),
        ("the lump doesn't feel any different from when I first found it", LUMP_CHANGES),
        ("I don't feel anything weird in my legs", NERVE_SIGNS),
        ("mine's soft and not changing", LUMP_CHANGES),
        ("it's only been a day so it's not like it's been there ages", NO_RELIEF),
        ("I don't have any leg symptoms, it's just the lump", NERVE_SIGNS),
        ("no tingling in my feet", NERVE_SIGNS),
        ("nothing wrong with my legs, it's just the back", NERVE_SIGNS),
        ("no numbness in my inner thighs", SERIOUS),
        ("it's only been there a couple of days", LUMP_CHANGES),  # new, so not persistent
        ("checking it every day in the mirror and it hasn't changed size since I found it", LUMP_CHANGES),
        ("I haven't had any trouble sleeping with it", SEVERE_PAIN),
        ("it's only been there since yesterday so not like weeks or anything", LUMP_CHANGES),
        ("I can't say the pain is that bad", SEVERE_PAIN),  # the pain right after the negation: still denied
        # A frame that denies the whole statement after it
        ("it's not like I can't walk or anything", SEVERE_PAIN),
        ("I wouldn't say it's severe, more annoying than anything", SEVERE_PAIN),
        ("it's not the kind of pain that stops me sleeping", SEVERE_PAIN),
        ("it's not that I can't feel my feet, they're fine", NERVE_SIGNS),
        ("the stretches are helping so it's not like nothing works", NO_RELIEF),  # the statement is itself negative
        ("I haven't tried anything yet so I can't say it's not working", NO_RELIEF),
        # A denial whose words hold the sign's, past a clause break the sign's own check stops at
        ("I haven't seen it get any bigger and I check it every day", LUMP_CHANGES),
        ("honestly I don't reckon it's anything else, it feels like a normal knot", OTHER_GROWTH),
        ("it isn't a cyst or anything, I'm positive it's from the rowing", OTHER_GROWTH),  # a cause told, not asked
        ("I haven't fallen or anything", SERIOUS),
        ("it isn't red or hot to touch", SERIOUS),
        ("it isn't huge or anything", LUMP_CHANGES),
        ("nothing going down my legs", NERVE_SIGNS),
        ("the lump isn't sore enough to keep me off work", SEVERE_PAIN),
    ],
)
def test_a_denied_sign_is_acknowledged_not_escalated(said, sign):
    found = read(said)
    assert not found.signs and sign in found.denied


@pytest.mark.parametrize(
    ("said", "sign"),
    [
        ("it's not like anything is helping", NO_RELIEF),  # the frame's "not" is the sign's own
        ("it's not like crippling but my foot has gone numb", NERVE_SIGNS),  # a frame does not reach past "but"
    ],
)
def test_a_denying_frame_keeps_a_sign_it_does_not_deny(said, sign):
    assert sign in read(said).signs


def test_a_denial_without_a_negation_does_not_cover_a_sign():
    # "normal" after a leg would deny nerve signs, but here it asks about the tingling
    assert read("my shin has gone all tingly, is that normal").signs == (NERVE_SIGNS,)


def test_a_question_after_a_mild_denial_is_answered():
    found = read("it's not terrible but the ache sits right on the knot, is that normal")
    assert found.denied == () and found.topic == "symptom.local_pain"
    assert read("it's not terrible really").denied == (SEVERE_PAIN,)


def test_a_cause_asked_after_a_denied_growth_is_answered():
    found = read("I don't think it's a cyst, could it be from the rowing")
    assert found.denied == () and found.topic == "cause.overuse"


def test_the_words_of_a_denied_sign_ask_about_nothing():
    # "spreading" denied is a lump that does not grow; it does not ask about pain that spreads.
    found = read("honestly it's not spreading at all, same as ever")
    assert found.denied == (LUMP_CHANGES,) and found.topic is None
    # A topic asked about beside the denial is still asked about.
    assert read("no tingling, but what stretches can I do").topic == "method.stretching"


def test_relief_asked_about_is_not_relief_that_failed():
    assert read("is there no help for these knots").signs == ()
    assert read("is it from not stretching before I work out").signs == ()


def test_a_denial_does_not_reach_past_the_clause():
    found = read("no numbness but my knee gives way")
    assert found.signs == (NERVE_SIGNS,)


def test_pain_that_goes_down_the_leg_is_not_a_lump_that_persists():
    assert LUMP_CHANGES not in read("it's not going down my legs").signs
    assert read("it's not going down").signs == (LUMP_CHANGES,)


def test_intensity_alone_is_not_severe_pain_of_something_else():
    assert read("I've got a really bad headache").signs == ()
    assert read("my headache is so bad I can't work").signs == (SEVERE_PAIN,)  # what it stops still counts


def test_a_serious_symptom_outranks_the_articles_signs():
    assert read("my legs are numb and I have a fever").signs[0] == SERIOUS


@pytest.mark.parametrize(
    ("said", "topic"),
    [
        ("after deadlifts I found a lump on my lower back", "lump"),
        ("this morning there is a sore hard lump above my bum", "lump"),  # where it sits, not where pain goes
        ("it aches down into my left leg", "symptom.referred_pain"),
        ("I want to stretch it out", "method.stretching"),
        ("could not drinking enough water be why", "cause.dehydration"),
        ("it's really stiff in the mornings", "symptom.stiffness"),
        ("my hamstrings are tight and my core is weak, is that related", "cause.muscle_imbalance"),
        ("I barely drank any water today", "cause.dehydration"),
        ("my form was probably rubbish", "cause.poor_form"),
        ("my wife noticed a bump when I came back from my run", "lump"),  # "came back" is no relapse here
        ("the ache goes from the lump into my backside", "symptom.referred_pain"),
        ("I felt a bump back there when I was stretching after my workout", "lump"),  # the scene, not the ask
        ("after deadlifts I found a lump on my lower back, should I stretch it", "method.stretching"),
        ("the pain is going down into my bum", "symptom.referred_pain"),  # the pain goes down; no lump shrinks
        ("I just finished deadlifts and there's a bump near my spine, what even is that", "lump"),
        ("I can't bend over properly, it's so tight", "symptom.stiffness"),
        ("I can barely touch my toes now", "symptom.stiffness"),
        ("I couldn't lift as much as usual, my back felt like it had nothing in it", "symptom.weakness"),
        ("my glutes are weak so my back does all the work", "cause.muscle_imbalance"),
        ("should I get a massage or will that make it worse", "method.massage"),  # a question, not a change
        ("it goes into my bum", "symptom.referred_pain"),
        ("it's so sore when I press on it", "symptom.tenderness"),  # the article's "very sensitive to touch"
        ("there's a dull ache right at the bump, it's been there since my workout", "symptom.local_pain"),
        ("I've got a massage ball from the physio, would that help", "method.massage"),
        ("what about a foam roller instead of stretching", "method.massage"),
        ("do I just need to lay off it for a while", "method.rest"),  # advice asked, not a lump that lasts
        (
            "my physio once told me one side is stronger than the other, could that make a knot",
            "cause.muscle_imbalance",
        ),
        ("it was roasting and I forgot me water bottle", "cause.dehydration"),
        ("what made mine form", "causes"),  # how it came about, not exercise form
        ("there's a bruise on my shin", None),
        ("bit of sunburn on me lower back, what do I put on it", None),
        ("I only train chest and arms", None),  # gym talk, not chest pain
        ("my toddler won't go to sleep", None),
        ("my knee is swollen from netball", None),
        ("how do I fix a flat tyre", None),  # a general question about something else
        ("my dog has a lump on his back", None),  # a pet's lump, even on its back
        ("there's a small hard lump on my wrist, it's been there a while", None),  # a lump elsewhere
        ("I have a cough that won't go away", None),
        ("my phone is dead", None),
        ("I've got a headache", None),
        # Words that look like a sign, and are not one.
        ("my partner offered to rub it, would that help or make it worse", "method.massage"),
        ("I've been so stressed with exams, could that be making it worse", "cause.stress"),
        ("it's a bit harder to bend than usual, my back's all tight", "symptom.stiffness"),
        ("I've got a weak core and really strong legs, would that cause this lump", "cause.muscle_imbalance"),
        ("is a knot like a proper knot in the muscle or is that just a saying", "knot"),
        ("my hamstrings are tight compared to everything else, could that be causing it", "cause.muscle_imbalance"),
        ("why is my back so stiff, I did nothing different", "symptom.stiffness"),
        ("would the physio massage it or something else", "doctor"),
        ("or should I just rest it and not do anything for a bit", "method.rest"),
        ("it's a dull ache right on the spot, kind of like a bruise", "symptom.local_pain"),
        ("my exams are doing my head in and I'm not sleeping well, could that be it", "cause.stress"),
        # A cause said as what happened, ahead of the method its words name; and its remedy asked for.
        ("I skipped stretching and went straight into the heavy stuff", "cause.no_warm_up"),
        ("I forgot my water bottle and trained for two hours in the heat", "cause.dehydration"),
        ("my posture's rubbish when I lift, how do I sort it", "method.form"),
        ("I think my technique's a bit rubbish when I lift", "cause.poor_form"),
        ("why does skipping the warm up matter", "cause.no_warm_up"),  # "why" asks how that cause works
        ("my partner snores so loud I can't sleep", None),
        ("how do I turn the heating up", None),
        ("work's been stressful, play some calming rain sounds", None),
        ("my eyes are itchy, it's the hay fever", None),
        ("when I got changed I felt a wee lump just above my hip", "lump"),  # dressed, not a lump that changed
        ("I can only reach my knees and normally I'm dead flexible", "symptom.stiffness"),
        ("yeah it's worse first thing in the morning then loosens up", "symptom.stiffness"),
        ("my lower back feels kind of floppy and useless today", "symptom.weakness"),
        ("I've been doing two classes a day at the gym since new year, is it from overdoing it", "cause.overuse"),
        ("why do I keep getting these knots", "causes"),
        ("my toddler's got a rash on her arm since this morning", None),
        # Words that are signs or other complaints elsewhere, here only part of the story.
        ("it's really tender, even putting my hand there makes me wince", "symptom.tenderness"),
        ("a lump just came up out of nowhere after training", "lump"),
        ("this morning I woke up with a tender bump on my lower back", "lump"),
        (
            "I was rounding my back on the squats, my trainer said keep my chest up",
            "cause.poor_form",
        ),  # not a chest complaint
        ("how much water should I drink, because I'm usually just on tea all day", "method.hydration"),
        ("what should I do next time so I don't end up with another one", "prevention"),
        ("is there a stretch I can do lying on the floor", "method.stretching"),
        ("I stubbed my toe on the bed and it's gone purple", None),
        ("how do I stop my back door creaking", None),
        ("what's a lump sum payment", None),
        ("bending to tie my laces is really stiff", "symptom.stiffness"),  # laces, not a knot in one
        ("what rhymes with knot", None),
        ("why do these knots always come up after exercise", "causes"),
        ("the bump is proper tender, like someone's pressing a bruise", "symptom.tenderness"),
        ("half marathon in two weeks, should I take it easy for a few days or keep training", "method.rest"),
        ("why is there a lump in my back all of a sudden", "lump"),  # what it is, not causes in general
        ("how come I got a knot from working out", "causes"),
        ("after my rowing session there's a sore lump, is that from the rowing", "lump"),
        ("there's a swelling on my lower back after cricket, what is it", "lump"),  # a swelling, named
        ("I'm pretty new to lifting, how do I make sure my form is right", "method.form"),
        ("is child's pose good for it, or should I be trying something else", "method.stretching"),
        ("any tips to ease the pain from this knot, I don't want it getting worse", "relief"),
        ("does it help if I drink electrolytes or is plain water enough", "method.hydration"),
        ("thank you so much, I'll give those stretches a go tonight", None),  # a thank-you, below
        ("I fell asleep on the sofa and woke up with a stiff back", "symptom.stiffness"),  # not a fall
        ("how do I treat sunburn on my back", None),
        ("what's a good stretch for tight calves after a run", None),
        ("my hamstrings are super tight", "cause.muscle_imbalance"),
        ("actually forget my back for a sec, I've got a sore throat", None),
        ("nothing to do with my back but my knee has been hurting when I run", None),
        ("my knee clicks every time I go down the stairs", None),  # stairs, not a fall down them
        ("I can't stand this song, change it", None),
        ("is there a crash on the motorway this afternoon", None),
        ("I pulled something in my groin playing squash", None),  # not a numb groin
        ("I took a lacrosse ball to my lower back last night", "method.massage"),  # self-care, not a blow
        ("I'm pretty new to lifting", None),  # new to lifting; nothing said of the lump
        ("should I rest a whole week", "method.rest"),  # asked, not self-care kept up
        ("is it a bank holiday tomorrow, I need to call my family back home", None),
        ("I think I was doing the kettlebell swings wrong", "cause.poor_form"),
        ("would a massage help, or would it just make it more sore", "method.massage"),
        ("I pulled a muscle in my calf, is there a stretch for that", None),
        ("I've got a lump on my wrist, is that a ganglion", None),  # a lump, but not this one
        ("found a knotty thing after pilates", "lump"),
        ("I just finished leg day and there's a sore little bump on my lower back", "lump"),  # leg day: no leg
        # Pain at a lump already known is told, not a lump found: pain at the spot.
        ("every time I twist since the gym there's a sharp pain right where the knot is", "symptom.local_pain"),
        ("a dull ache right at the bump since my workout this morning", "symptom.local_pain"),
        ("how do I get a bigger deadlift", None),  # a lift that grows, not a lump
        ("my leg day tips", None),  # "leg day" trains the legs; nothing is wrong with one
        ("the lump in me calf after the marathon", None),  # a knot in a leg muscle: not this one
        ("what else goes with a back knot", "symptoms"),
        ("will they just give me tablets or what", "doctor"),
        ("could my posture be to blame", "cause.poor_form"),
        ("do electrolyte drinks help or is plain water from the tap fine", "method.hydration"),  # not "from" a cause
        ("I stretched my calf and didn't feel anything special", None),  # nothing unusual felt: no numbness
        ("how do I keep my back straight when I squat", "method.form"),  # the remedy asked, not the cause
        ("will the doctor just give me painkillers or what", "doctor"),
        # Words that seem to say a sign, said of something else
        ("heat or ice, everyone tells me something different", "method.heat_or_ice"),  # not "something different"
        ("this might be a dumb question but can being dehydrated give you a lump", "cause.dehydration"),
        ("could stress do it, I've had a horrible month at work", "cause.stress"),  # a time, not pain
        ("after a really intense pilates class there's a tight little lump", "lump"),  # a session, not pain
        ("my core is a lot weaker than my legs", "cause.muscle_imbalance"),
        ("what's a good diet for losing weight", None),  # a goal, not weight lost without trying
        ("they just give me painkillers or what", "doctor"),  # "will" taken by the carrier
        ("I still play rugby on saturday with this knot", "method.rest"),  # "can" taken by the carrier
        ("should I see a p t or just ride it out", "see_doctor"),  # "PT", as speech recognition spells it
        ("I've been stressed out of my head with all the overtime", "cause.stress"),  # not a head that hurts
        ("a wee hard bit in my lower back after the fives", "lump"),  # not a blow to the back
        ("a knot in the lower back, does that make your leg ache", "symptom.referred_pain"),
        ("I've been sitting for a while and it throbs right there", "symptom.local_pain"),  # not a lump that lasts
        ("should I put a hot water bottle on it or will that make it swell up more", "method.heat_or_ice"),
        ("I'm a terrible worrier, is that why I get these knots", "causes"),  # a kind of person, not pain
        ("do I need to go to hospital for this", "see_doctor"),
        ("should I stop going to the gym until it heals", "method.rest"),
        ("hang on, what even is a knot", "knot"),
        ("is a trigger point just a tight muscle or something different", "knot"),  # knots in general
        ("people at my gym talk about knots in your muscles, what are they", "knot"),
        ("how do I make the knot go away before my match", "relief"),
        ("I only did an easy swim so what actually causes a knot like this", "causes"),
        ("after my swim I felt something hard near my spine, what could that be", "lump"),  # not a cause asked
        ("I flinched when my wife touched it", "symptom.tenderness"),
        ("my husband's hand pressed on it and I jumped", "symptom.tenderness"),  # his touch, not his hand's trouble
        ("I haven't seen it change but I'm keeping an eye on it", None),  # the lump watched, not an eye
        ("I reckon I was slouching on the rower the whole time", "cause.poor_form"),  # bad form told
        ("how do I stop slouching when I row", "method.form"),  # and its fix asked for
        ("I was badly dehydrated at the tournament", "cause.dehydration"),
        ("what was that about stretching", "method.stretching"),  # that topic again, not a repeat
        ("my mate is going to film my squats at the weekend", "method.form"),
        ("I'm not as flexible as usual since the knot came up", "symptom.stiffness"),
        ("what sort of things cause these knots", "causes"),
        ("but why would doing it lots give you a knot", "cause.overuse"),  # asked on about overuse
        ("is it from not stretching before I work out", "cause.no_warm_up"),  # not self-care failing
        ("it seems to travel round into my hip", "symptom.referred_pain"),
        ("I feel it down in my glute as well", "symptom.referred_pain"),
        ("I can feel it just above my hip, what is it", "lump"),  # where it sits, not pain felt elsewhere
        ("but how does skipping water all day make a knot", "cause.dehydration"),  # how a cause works
        ("will drinking more water make the knot go away", "method.hydration"),  # and a remedy asked for
        ("I really don't want to get this again before the final, what do I do", "prevention"),
        ("what else will I feel if it is a knot", "symptoms"),
        ("do I have to go to clinic for this", "see_doctor"),
        ("work has been mental lately and my back is tight, is it the stress", "cause.stress"),
        ("I reckon I lifted it wrongly yesterday", "cause.poor_form"),
        ("how can I sort out my squat form so it doesn't get worse", "method.form"),  # a purpose, not a denial
        ("how should I lift boxes properly so I don't hurt my back", "method.form"),
        ("my back feels weak when I lug the watering can about", "symptom.weakness"),  # not drinking water
        ("how do I get shot of a knot like this", "relief"),
        ("is worry one of the causes of knots like this", "cause.stress"),
        ("I never loosen up before my swim, is that it", "cause.no_warm_up"),
        ("she hunches over the sink all day, could that cause it", "cause.poor_form"),
        ("it's tender even when my wife rests her hand on it", "symptom.tenderness"),  # not about a hand
        ("my son pushed on it and I jumped a mile", "symptom.tenderness"),
        ("I pushed through the pain at football and now it aches right on the knot", "symptom.local_pain"),
    ],
)
def test_without_a_sign_the_words_name_a_topic_or_nothing(said, topic):
    found = read(said)
    assert not found.signs and found.topic == topic


def test_muscle_or_a_lift_that_grows_is_not_a_lump_that_grows():
    for said in ("how many sets of squats to grow my glutes", "how do I get a bigger deadlift"):
        assert LUMP_CHANGES not in read(said).signs


def test_a_request_said_alone_after_a_carrier_is_that_request_but_not_inside_a_sentence():
    assert read("stop").request == "AMAZON.StopIntent"
    assert read("why though").request == "WhyIntent"
    assert read("it doesn't stop me sleeping").request is None


def test_thanks_that_opens_a_turn_is_a_thank_you_unless_a_question_follows():
    assert read("thank you so much, I'll give those stretches a go tonight").request == "ThanksIntent"
    assert read("brilliant thanks, that's really helpful").request == "ThanksIntent"
    assert read("thanks, and how long should I hold the stretch").request == "HowLongIntent"
    assert read("thanks to all the deadlifts I've got a knot").request is None
    assert read("thanks, I'm done for today").request == "AMAZON.StopIntent"  # a goodbye
    assert read("it aches after I'm done at the gym").request is None


def test_conversation_asked_for_in_a_persons_own_words_is_that_request():
    found = read("sorry what was that, the kids were screaming")  # their noise, not pain
    assert not found.signs and found.request == "AMAZON.RepeatIntent"
    assert read("honestly not sure what I'm supposed to say here").request == "AMAZON.HelpIntent"


def test_long_or_odd_input_is_read_safely():
    assert read("") == reading.Reading()
    assert read("x" * 100_000).signs == ()
    assert read("numb " * 10_000).signs == (NERVE_SIGNS,)  # read within MAX_WORDS
    assert read("<speak>&amp; numb </speak>").signs == (NERVE_SIGNS,)


def test_every_lexicon_is_used():
    """A list in lexicon.py that neither the grammar nor the reader uses is dead vocabulary."""
    import inspect
    from pathlib import Path

    from tooling import grammar

    users = inspect.getsource(reading) + Path(grammar.GRAMMAR_PATH).read_text(encoding="utf-8")
    within = inspect.getsource(lexicon)  # a list may be part of another one ("*IMBALANCE_DESCRIBED")
    for name, value in vars(lexicon).items():
        if name.isupper() and isinstance(value, tuple):
            used = f"lexicon.{name}" in users or f"<{name.lower()}>" in users
            assert used or re.search(rf"[*(\s]{name}[,)]", within), name


def test_asking_how_the_last_answer_works_is_a_why():
    assert read("how does that make a knot exactly").request == "WhyIntent"
    assert read("but how does that affect my lower back").request == "WhyIntent"
    assert read("how long do I leave it on").request == "HowLongIntent"
    assert read("ah stop").request == "AMAZON.StopIntent"
