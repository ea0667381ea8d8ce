#!/usr/bin/env python3
"""Writes the synthetic corpora of the reading tests (deterministic: run it again and the bytes are the same).

sms-like.tsv.gz            5,574 lines "label<TAB>message", no header, shaped like the public SMS Spam Collection
                           (UCI, Almeida & Hidalgo 2011): 747 spam, messages in SMS style, some starting with '"'
                           that is never closed (as in the real file), some with quotes inside.
sms-like-stray-quote.csv.gz  the same kind of corpus as csv "label,message" with a header row, every field quoted
                           as python's csv writer quotes it, except one hand-written line whose message opens a
                           quote it never closes (line 1000); no quote follows until line 1800.
emotion/{train,val,test}.txt  "text;label", no header, shaped like the public tweet-emotion corpus (dair-ai
                           "emotion", Saravia et al. 2018; the Kaggle "Emotions dataset for NLP" files): lower-case
                           text without punctuation, six labels, 1,600 / 200 / 200 lines.
"""
import csv
import gzip
import io
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
rng = random.Random(20240512)

HAM_WORDS = ("ok lor i will call u later got it sorry im at home now where are you going to eat "
             "dinner tonight cant wait see ya tmr gonna be late k da wat time u reach haha yeah "
             "thanks for the lift love u too just finished work miss you dont forget buy milk").split()
SPAM_WORDS = ("free entry win a prize claim now call txt reply stop cash award guaranteed urgent "
              "your mobile number has won ringtone voucher offer tone msg cost 150p per week").split()


def sentence(words, low, high):
    return " ".join(rng.choice(words) for _ in range(rng.randint(low, high)))


def ham(commas=True):
    text = sentence(HAM_WORDS, 3, 18)
    text = text[0].upper() + text[1:]
    if commas and rng.random() < 0.2:
        parts = text.split(" ")
        parts.insert(rng.randint(1, len(parts)), ",")
        text = " ".join(parts).replace(" ,", ",")
    if rng.random() < 0.05:
        text += " &lt;#&gt; mins"
    return text + rng.choice(["", ".", "...", "!", " :)", "?"])


def spam(commas=True):
    text = sentence(SPAM_WORDS, 8, 24).upper() if rng.random() < 0.3 else sentence(SPAM_WORDS, 8, 24)
    number = "0" + str(rng.randint(8000000000, 8999999999))
    text = text + (", " if commas else " ") + "call " + number
    return text[0].upper() + text[1:] + rng.choice(["", ".", "!"])


def messages(count, spam_lines, plain_lines=()):
    """(label, message) pairs; lines in plain_lines get no comma and no quote."""
    rows = []
    for line in range(1, count + 1):
        plain = line in plain_lines
        rows.append(("spam", spam(not plain)) if line in spam_lines else ("ham", ham(not plain)))
    return rows


def sms_tsv():
    count = 5574
    spam_lines = set(rng.sample(range(1, count + 1), 747))
    # lines whose message opens a quote and never closes it: a quote-aware reader would run from 1000 to 1800
    # (801 lines) and from 3000 to 3004 (5 lines)
    stray = {1000, 1800, 3000, 3004}
    quiet = set(range(1000, 1801)) | set(range(3000, 3005))
    rows = messages(count, spam_lines)
    out = []
    for line, (label, text) in enumerate(rows, start=1):
        if line in stray:
            text = '"' + text
        elif line not in quiet and rng.random() < 0.01:
            text = text.replace(" ", ' "', 1) + '"'  # a quote inside: `Ok "lor"`
        elif line == 4000:
            text = '"' + text + '"'  # a whole message in quotes, kept as written
        out.append(label + "\t" + text + "\n")
    write_gz("sms-like.tsv.gz", "".join(out))


def sms_csv_with_stray_quote():
    count = 5574
    spam_lines = set(rng.sample(range(2, count + 2), 747))
    quiet = set(range(1000, 1800))  # file lines without comma or quote, so nothing closes the stray quote early
    rows = messages(count + 1, spam_lines, quiet)[1:]  # file line 2 is the first message
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["label", "message"])
    lines = buffer.getvalue().splitlines(keepends=True)
    for line, (label, text) in enumerate(rows, start=2):
        if line == 1000:
            lines.append(label + ',"' + text + "\n")  # written by hand: the quote is never closed
            continue
        if line == 1800:
            text = "Sorry, " + text  # the comma makes the writer quote it: this quote ends the stray one
        one = io.StringIO()
        csv.writer(one, lineterminator="\n").writerow([label, text])
        lines.append(one.getvalue())
    write_gz("sms-like-stray-quote.csv.gz", "".join(lines))


EMOTION_WORDS = ("i feel im feeling so really very little bit still more when about like that have been "
                 "this was the and to a of my me it not just know people because even am being think "
                 "today work life something always never again can do get".split())
EMOTIONS = [("sadness", 4666), ("joy", 5362), ("love", 1304), ("anger", 2159), ("fear", 1937), ("surprise", 572)]
EMOTION_WORDS_OF = {"sadness": "humiliated hopeless lost lonely miserable".split(),
                    "joy": "happy glad pleased delighted content".split(),
                    "love": "loved caring sweet tender passionate".split(),
                    "anger": "angry irritated furious mad resentful".split(),
                    "fear": "scared afraid anxious nervous terrified".split(),
                    "surprise": "amazed surprised shocked stunned curious".split()}


def emotion():
    labels = [label for label, weight in EMOTIONS]
    weights = [weight for label, weight in EMOTIONS]
    os.makedirs(os.path.join(HERE, "emotion"), exist_ok=True)
    for name, count in (("train", 1600), ("val", 200), ("test", 200)):
        out = []
        for _ in range(count):
            label = rng.choices(labels, weights)[0]
            words = [rng.choice(EMOTION_WORDS) for _ in range(rng.randint(3, 30))]
            words.insert(rng.randint(0, len(words)), rng.choice(EMOTION_WORDS_OF[label]))
            out.append(" ".join(words) + ";" + label + "\n")
        with open(os.path.join(HERE, "emotion", name + ".txt"), "w", encoding="utf-8", newline="") as f:
            f.write("".join(out))


def write_gz(name, text):
    with open(os.path.join(HERE, name), "wb") as f:
        with gzip.GzipFile(filename="", mode="wb", fileobj=f, mtime=0) as gz:
            gz.write(text.encode("utf-8"))


if __name__ == "__main__":
    sms_tsv()
    sms_csv_with_stray_quote()
    emotion()
