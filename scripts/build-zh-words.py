#!/usr/bin/env python3
"""Builds src/data/zh_words.txt, the word list behind Chinese word tokens (src/text/zh_words.rs).

A word is kept when it is in jieba's general dictionary (dict.txt of the `jieba` package on
PyPI, MIT licence), is two to four Han characters long, does not read as a number
(see NUMERIC), and either occurs at least twice in the Chinese documents of the corpus or is
among jieba's most frequent words. The corpus supplies the vocabulary of policy documents;
jieba's frequencies supply everyday words; jieba's list decides what is a word at all, so
frequent non-words of the corpus ("的发", "和社") never enter.

Usage (not part of the build; the output is committed):
    pip download jieba==0.42.1 --no-deps -d /tmp/jieba && tar xzf /tmp/jieba/jieba-0.42.1.tar.gz -C /tmp/jieba
    python3 scripts/build-zh-words.py /tmp/jieba/jieba-0.42.1/jieba/dict.txt seeds/corpus > src/data/zh_words.txt
"""
import collections
import glob
import os
import re
import sys

GENERAL_TOP = 3000
MIN_CORPUS_COUNT = 2
HAN_WORD = re.compile(r'[\u4e00-\u9fff]{2,4}')
NUMERAL = '零一二三四五六七八九十百千万亿两'
# Numbers stay out of the word list so that an ordinal or a count that changes
# (第四次 → 第五次, 两个 → 三个) shows as the changed numeral, which the significance
# classes then mark as routine.
NUMERIC = re.compile(rf'^第|[{NUMERAL}][{NUMERAL}个次届年中大位种多点周轮步项元人]')


def main(dict_path, corpus_dir):
    freq = {}
    with open(dict_path, encoding='utf-8') as f:
        for line in f:
            word, count, *_ = line.split()
            if HAN_WORD.fullmatch(word) and not NUMERIC.search(word):
                freq[word] = int(count)
    text = ''.join(open(p, encoding='utf-8').read() for p in sorted(glob.glob(os.path.join(corpus_dir, '*-zh.txt'))))
    seen = collections.Counter()
    for n in (2, 3, 4):
        for i in range(len(text) - n + 1):
            if text[i:i + n] in freq:
                seen[text[i:i + n]] += 1
    words = {w for w, c in seen.items() if c >= MIN_CORPUS_COUNT}
    words.update(sorted(freq, key=lambda w: (-freq[w], w))[:GENERAL_TOP])
    # One line per first character: the character, then the rest of each word.
    by_first = collections.defaultdict(list)
    for w in words:
        by_first[w[0]].append(w[1:])
    print('# Chinese word list for src/zh_words.rs; built by scripts/build-zh-words.py (see there).')
    print(f'# {len(words)} words. Each line: a first character, then the rest of each word, space-separated.')
    for first in sorted(by_first):
        print(first, ' '.join(sorted(by_first[first])))


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
