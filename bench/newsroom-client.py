#!/usr/bin/env python3
"""The newsroom's forms driven over HTTP, as bench/busy.sh's background writers and editors.

Python's standard library only. Every request goes to the --base given, which busy.sh sets to
127.0.0.1. Each loop is bounded by --seconds and stops early on SIGTERM; on exit it prints one
line of counts and of how long the server took to answer each write, for the script to report.

  newsroom-client.py --base URL --email E --password P drafts --every 0.25 --seconds 60
  newsroom-client.py --base URL --email E --password P updates --every 5 --seconds 60 --not /2026/...
  newsroom-client.py --base URL --email E --password P visible --runs 3
"""
import argparse
import html.parser
import http.cookiejar
import json
import re
import signal
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

TOKEN = re.compile(r'name="_csrf" value="([^"]+)"')
STOP = False


def stop(_signum, _frame):
    global STOP
    STOP = True


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


class Newsroom:
    """One signed-in member: a cookie jar and the session's CSRF token, as a browser tab has them."""

    def __init__(self, base, email, password):
        self.base = base.rstrip('/')
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), NoRedirect())
        self.token = None
        self.get('/newsroom/login')
        status, location, body = self.post('/newsroom/login', [('email', email), ('password', password)])
        if status != 303:
            raise SystemExit(f'newsroom-client: signing in as {email} answered {status}')
        self.get('/newsroom')

    def request(self, path, data=None):
        req = urllib.request.Request(self.base + path, data=data)
        if data is not None:
            req.add_header('Content-Type', 'application/x-www-form-urlencoded')
        try:
            with self.opener.open(req, timeout=30) as r:
                status, headers, body = r.status, r.headers, r.read().decode('utf-8')
        except urllib.error.HTTPError as e:
            status, headers, body = e.code, e.headers, e.read().decode('utf-8', 'replace')
        m = TOKEN.search(body)
        if m:
            self.token = m.group(1)
        return status, headers.get('Location') or '', body

    def get(self, path):
        status, _, body = self.request(path)
        return status, body

    def post(self, path, fields):
        data = urllib.parse.urlencode([('_csrf', self.token)] + [f for f in fields if f[0] != '_csrf']).encode()
        return self.request(path, data)


class FormFields(html.parser.HTMLParser):
    """The fields a browser would submit from one form (by id), buttons left out."""

    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id, self.inside, self.fields = form_id, False, []
        self.select, self.select_first, self.select_chosen = None, None, None
        self.textarea, self.text = None, []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == 'form':
            self.inside = a.get('id') == self.form_id
        if not self.inside:
            return
        name = a.get('name')
        if tag == 'input' and name and a.get('type', 'text') not in ('submit', 'button', 'image', 'file'):
            if a.get('type') in ('checkbox', 'radio') and 'checked' not in a:
                return
            self.fields.append((name, a.get('value', 'on' if a.get('type') == 'checkbox' else '')))
        elif tag == 'select':
            self.select, self.select_first, self.select_chosen = name, None, None
        elif tag == 'option' and self.select:
            value = a.get('value', '')
            if self.select_first is None:
                self.select_first = value
            if 'selected' in a:
                self.select_chosen = value
        elif tag == 'textarea':
            self.textarea, self.text = name, []

    def handle_endtag(self, tag):
        if tag == 'form':
            self.inside = False
        elif tag == 'select' and self.select:
            chosen = self.select_chosen if self.select_chosen is not None else self.select_first
            if chosen is not None:
                self.fields.append((self.select, chosen))
            self.select = None
        elif tag == 'textarea' and self.textarea:
            self.fields.append((self.textarea, ''.join(self.text).removeprefix('\n')))
            self.textarea = None

    def handle_data(self, data):
        if self.textarea:
            self.text.append(data)


def story_form(page):
    parser = FormFields('story-form')
    parser.feed(page)
    return parser.fields


def replace(fields, name, value):
    return [(k, v) for k, v in fields if k != name] + [(name, value)]


def timed(post):
    """Runs post() and returns its answer and how long the server took to give it, in ms."""
    start = time.monotonic()
    answer = post()
    return answer, round((time.monotonic() - start) * 1000, 1)


def spread(ms):
    """The median, 95th percentile and slowest of a list of timings (None when it is empty)."""
    if not ms:
        return {'p50': None, 'p95': None, 'max': None}
    ordered = sorted(ms)
    return {'p50': ordered[len(ordered) // 2], 'p95': ordered[min(len(ordered) - 1, len(ordered) * 95 // 100)],
            'max': ordered[-1]}


def paced(every, seconds, step):
    """Runs step at a fixed rate (a slow step is followed at once by the next) until the time is up."""
    end = time.monotonic() + seconds
    next_at = time.monotonic()
    while not STOP and time.monotonic() < end:
        step()
        next_at += every
        if next_at < time.monotonic():
            next_at = time.monotonic()
        # In short naps, so that SIGTERM ends the loop at once rather than after a 5 s pause.
        while not STOP and time.monotonic() < next_at:
            time.sleep(max(0.0, min(0.05, next_at - time.monotonic())))


def create_draft(n, headline, extra=()):
    n.get('/newsroom/stories/new')
    body = 'The harbour board met on Tuesday.\n\n**Why it matters:** The ferries carry 900 commuters a day.\n'
    status, location, _ = n.post('/newsroom/stories', [('headline', headline), ('kind', 'news'), ('body', body),
                                                       ('action', 'save'), *extra])
    if status != 303:
        raise SystemExit(f'newsroom-client: creating a draft answered {status}')
    return urllib.parse.urlsplit(location).path


def drafts(n, args, ready):
    path = create_draft(n, 'Harbour board weighs a second ferry berth')
    _, page = n.get(path)
    fields = story_form(page)
    revision = dict(fields)['revision']
    counts = {'saves': 0, 'failed': 0}
    ms = []
    ready()

    def save():
        nonlocal revision
        counts['saves'] += 1
        body = dict(fields)['body'].rstrip() + f'\n\nEdit {counts["saves"]}: the board meets again next week.\n'
        (status, _, _), took = timed(lambda: n.post(
            path, replace(replace(replace(fields, 'body', body), 'revision', revision), 'action', 'save')))
        ms.append(took)
        if status != 303:
            counts['failed'] += 1
        # The redirect leads back to the editor, as a browser follows it: the form there holds
        # the revision the next save must name.
        revision = dict(story_form(n.get(path)[1]))['revision']

    paced(args.every, args.seconds, save)
    return {**counts, 'ms': spread(ms)}


def published_story(n, not_path):
    """A published story other than the one being measured, and its editor page's path."""
    _, page = n.get('/newsroom?status=published')
    for path in dict.fromkeys(re.findall(r'href="(/newsroom/stories/[0-9A-Z]+)"', page)):
        _, editor = n.get(path)
        live = re.search(r'<a href="([^"]+)">View on the site</a>', editor)
        if live and urllib.parse.urlsplit(live.group(1)).path != not_path:
            return path
    raise SystemExit('newsroom-client: no published story to update')


def updates(n, args, ready):
    path = published_story(n, args.not_path)
    counts = {'updates': 0, 'failed': 0}
    ms = []
    ready()

    def update():
        counts['updates'] += 1
        _, page = n.get(path)
        fields = story_form(page)
        dek = f'Updated {counts["updates"]} time(s) during the benchmark.'
        (status, _, _), took = timed(lambda: n.post(path, replace(replace(fields, 'dek', dek), 'action', 'update-minor')))
        ms.append(took)
        if status != 303:
            counts['failed'] += 1

    paced(args.every, args.seconds, update)
    return {**counts, 'ms': spread(ms)}


def first_topic(n):
    """The first topic's newsroom id and its reader page's slug, from the topics table."""
    _, page = n.get('/newsroom/topics')
    m = re.search(r'<a href="/newsroom/topics/([0-9A-Z]+)">[^<]*</a></td>\s*<td><code>([^<]+)</code>', page)
    if not m:
        raise SystemExit('newsroom-client: the topics table shows no topic')
    return m.group(1), m.group(2)


def visible(n, args, ready):
    """Publishes a new story and polls the three reader pages it must appear on, timing each."""
    topic_id, topic_slug = first_topic(n)
    _, page = n.get('/newsroom/stories/new')
    author = re.search(r'name="authors" value="([^"]+)"', page).group(1)
    reader = urllib.request.build_opener(NoRedirect())

    def fetch(path):
        try:
            with reader.open(n.base + path, timeout=30) as r:
                return r.status, r.read().decode('utf-8')
        except urllib.error.HTTPError as e:
            return e.code, ''

    ready()
    results = []
    for run in range(1, args.runs + 1):
        headline = f'Harbour board approves ferry berth number {run} {int(time.time())}'
        path = create_draft(n, headline, [('topic', topic_id), ('authors', author)])
        _, editor = n.get(path)
        fields = story_form(editor)
        # The pages are in the page cache before the publish, so what is measured is the purge.
        for p in ('/', f'/topics/{topic_slug}'):
            fetch(p)
            fetch(p)
        (status, _, _), publish_ms = timed(lambda: n.post(path, replace(fields, 'action', 'publish')))
        published = time.monotonic()
        if status != 303:
            raise SystemExit(f'newsroom-client: publishing answered {status}')
        live = re.search(r'<a href="([^"]+)">View on the site</a>', n.get(path)[1])
        story_path = urllib.parse.urlsplit(live.group(1)).path
        seen = {}
        pending = {'home': '/', 'topic': f'/topics/{topic_slug}', 'story': story_path}
        while pending and time.monotonic() - published < 30:
            for name, p in list(pending.items()):
                code, body = fetch(p)
                if code == 200 and (name == 'story' or story_path in body):
                    seen[name] = round((time.monotonic() - published) * 1000)
                    del pending[name]
            time.sleep(0.01)
        results.append({'run': run, 'story': story_path, 'publish': publish_ms, **seen, **{k: None for k in pending}})
    return {'runs': results}


def main():
    p = argparse.ArgumentParser()
    p.add_argument('--base', required=True)
    p.add_argument('--email', required=True)
    p.add_argument('--password', required=True)
    p.add_argument('--ready-file', help='created once the loop is signed in and about to start')
    sub = p.add_subparsers(dest='command', required=True)
    d = sub.add_parser('drafts')
    d.add_argument('--every', type=float, default=0.25)
    d.add_argument('--seconds', type=float, default=60)
    u = sub.add_parser('updates')
    u.add_argument('--every', type=float, default=5)
    u.add_argument('--seconds', type=float, default=60)
    u.add_argument('--not', dest='not_path', default='')
    v = sub.add_parser('visible')
    v.add_argument('--runs', type=int, default=3)
    args = p.parse_args()
    if urllib.parse.urlsplit(args.base).hostname != '127.0.0.1':
        raise SystemExit('newsroom-client: talks to 127.0.0.1 only')
    signal.signal(signal.SIGTERM, stop)

    def ready():
        if args.ready_file:
            open(args.ready_file, 'w').close()

    n = Newsroom(args.base, args.email, args.password)
    result = {'drafts': drafts, 'updates': updates, 'visible': visible}[args.command](n, args, ready)
    print(json.dumps(result))


if __name__ == '__main__':
    sys.exit(main())
