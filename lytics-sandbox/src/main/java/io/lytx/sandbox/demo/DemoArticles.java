package io.lytx.sandbox.demo;

import io.lytx.sandbox.content.Document;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo content corpus: 36 articles, six per topic (running, cooking, travel, photography,
 * gardening, finance), at {@code example.org/articles/<topic>/<slug>}, each with a title,
 * description, short body paragraph, author, creation date and its topic at relevance 1.0 (a few
 * also carry a second topic at 0.4). The example web app renders these articles. Stateless.
 */
public final class DemoArticles {

    /** The demo topics. */
    public static final List<String> TOPICS = List.of("running", "cooking", "travel", "photography", "gardening", "finance");
    /** The host of the demo articles. */
    public static final String HOST = "example.org";

    private static final Instant FIRST = Instant.parse("2025-01-06T09:00:00Z");

    // topic, slug, title, description, body, author, second topic ("" for none)
    private static final String[][] ROWS = {
        {"running", "first-5k-plan", "Your first 5K in eight weeks",
            "A gentle plan from the couch to the finish line.",
            "Three short runs a week, walking breaks that shrink each week, and one rule: finish every session able to talk. By week eight the 5K is just another run.",
            "Maya Okafor", ""},
        {"running", "trail-running-basics", "Trail running for road runners",
            "Shoes, pacing and safety when the pavement ends.",
            "On trails, run by effort rather than pace, shorten your stride on climbs and look three steps ahead. Tell someone your route and carry water even on short loops.",
            "Jonas Berg", "travel"},
        {"running", "interval-training", "Intervals that make you faster",
            "Why short, hard repeats beat more easy miles.",
            "Six repeats of three minutes at a hard effort, with two minutes of easy jogging between, teach your body to run fast while tired. Once a week is plenty.",
            "Maya Okafor", ""},
        {"running", "marathon-taper", "How to taper for a marathon",
            "Three weeks of doing less so race day feels easy.",
            "Cut your weekly distance by a fifth, then a third, then a half, but keep a little speed work. Sleep more, change nothing in your kit, and trust the training.",
            "Priya Raman", ""},
        {"running", "running-shoes-guide", "Choosing running shoes without the hype",
            "Comfort first: what the research says about shoes.",
            "The best predictor of a good running shoe is how it feels in the first minute. Try several pairs late in the day, run a few steps, and ignore the marketing words.",
            "Jonas Berg", ""},
        {"running", "winter-running", "Running through the winter",
            "Layers, light and traction for cold, dark mornings.",
            "Dress as if it were ten degrees warmer, wear something reflective, and add screw-in studs or trail shoes on ice. Warm up indoors before you step out.",
            "Priya Raman", ""},
        {"cooking", "weeknight-pasta", "Five weeknight pasta sauces",
            "Dinner on the table in twenty minutes, five ways.",
            "Garlic and oil, tomato and butter, lemon and parmesan, anchovy and chili, peas and cream: each sauce cooks while the pasta boils. Save a cup of the cooking water.",
            "Luca Bianchi", ""},
        {"cooking", "sourdough-starter", "Keeping a sourdough starter alive",
            "Flour, water, time, and a little attention.",
            "Feed your starter equal weights of flour and water once a day on the counter or once a week in the fridge. Bake when it doubles within six hours of a feeding.",
            "Hannah Cole", ""},
        {"cooking", "knife-skills", "Knife skills every cook needs",
            "Hold, claw and rock: cut faster and safer.",
            "Pinch the blade, curl the fingers of your guiding hand into a claw, and let the knife rock from tip to heel. A sharp knife is the safer knife.",
            "Luca Bianchi", ""},
        {"cooking", "one-pot-soups", "One-pot soups for cold evenings",
            "Lentils, beans and broth: warm dinners with little washing up.",
            "Soften an onion, add spices and a cup of lentils, cover with broth and simmer half an hour. Finish every soup with acid: lemon juice or a splash of vinegar.",
            "Hannah Cole", ""},
        {"cooking", "baking-bread-at-home", "Baking your first loaf of bread",
            "A simple no-knead dough and a hot oven.",
            "Mix flour, water, salt and a pinch of yeast, leave it overnight, shape it, and bake it in a preheated covered pot. The crust comes from the trapped steam.",
            "Ama Mensah", ""},
        {"cooking", "travel-recipes-from-lisbon", "Recipes we brought home from Lisbon",
            "Custard tarts, grilled sardines and green broth.",
            "Kale and potato soup, sardines grilled with coarse salt, and custard tarts baked in the hottest oven you have: three recipes that taste like a trip to Lisbon.",
            "Ama Mensah", "travel"},
        {"travel", "packing-light", "Packing light for two weeks",
            "One carry-on, no checked luggage, no regrets.",
            "Choose one colour palette, pack for five days and plan to do laundry, and wear your bulkiest shoes on the flight. Everything else fits in a carry-on backpack.",
            "Sofia Lind", ""},
        {"travel", "night-trains-europe", "Europe by night train",
            "Sleep through the border and wake up in a new city.",
            "Night trains save a hotel night and a day of travel. Book a couchette early, bring earplugs and breakfast, and keep your passport where you can reach it.",
            "Tomas Novak", ""},
        {"travel", "jet-lag", "Beating jet lag",
            "Light, sleep and meals on the new clock.",
            "Move your bedtime an hour a day before the flight, seek morning light at the destination, and eat on local time from the first meal. Avoid long naps.",
            "Sofia Lind", ""},
        {"travel", "city-breaks-on-a-budget", "City breaks on a budget",
            "Three days in a city without spending a fortune.",
            "Travel midweek, stay near a metro line rather than the centre, buy a transit pass, and make lunch your main meal. Free walking tours are a good first day.",
            "Tomas Novak", "finance"},
        {"travel", "travel-insurance", "Does travel insurance pay off?",
            "What a policy covers, and when your card already does.",
            "Check what your bank card covers before buying a policy. Medical cover abroad matters most; cancellation cover only pays off for expensive, non-refundable trips.",
            "Nadia Haddad", ""},
        {"travel", "hiking-the-alps", "Hut-to-hut hiking in the Alps",
            "Walk for a week and sleep in mountain huts.",
            "Book huts months ahead, carry a light sleeping liner and cash, start walking at dawn to beat afternoon storms, and plan a rest day in the middle of the trip.",
            "Nadia Haddad", ""},
        {"photography", "understanding-exposure", "Understanding exposure",
            "Aperture, shutter speed and ISO, finally explained.",
            "Aperture sets how much is sharp, shutter speed how motion looks, ISO how much noise you accept. Change one, and one of the others must move the other way.",
            "Kenji Sato", ""},
        {"photography", "portrait-lighting", "Portrait lighting with one lamp",
            "Beautiful portraits with a window or a single light.",
            "Place the light at forty-five degrees to the side and a little above the face, turn the far cheek toward it, and use a white card to soften the shadow side.",
            "Elena Rossi", ""},
        {"photography", "travel-photography", "Travel photography that tells a story",
            "Wide, medium, detail: shoot a place like a reporter.",
            "For every place, take one wide shot for context, one medium shot with people, and one close detail. Shoot at golden hour and carry a single small lens.",
            "Kenji Sato", "travel"},
        {"photography", "composition-rules", "Composition rules worth breaking",
            "Thirds, leading lines, and when to ignore them.",
            "The rule of thirds and leading lines are starting points. Centre your subject when the scene is symmetric, and fill the frame when the background adds nothing.",
            "Elena Rossi", ""},
        {"photography", "choosing-a-lens", "Choosing your second lens",
            "Fast prime or zoom: what to buy after the kit lens.",
            "A fast 50mm prime gives soft backgrounds and low-light shots for little money; a travel zoom covers everything at once. Buy for what you shoot most.",
            "Kenji Sato", ""},
        {"photography", "night-photography", "Photographing the night sky",
            "Tripod, wide aperture and a dark place.",
            "Find a site far from city lights, put the camera on a tripod, open the aperture wide, focus on a bright star and expose for fifteen to twenty-five seconds.",
            "Elena Rossi", ""},
        {"gardening", "tomatoes-in-pots", "Growing tomatoes in pots",
            "Big harvests from a sunny balcony.",
            "Use the largest pot you can carry, fill it with compost-rich soil, water deeply every morning and feed weekly once the first flowers appear. Pinch out side shoots.",
            "Grace Whitfield", ""},
        {"gardening", "composting-basics", "Composting without the smell",
            "Greens, browns, air and patience.",
            "Mix kitchen scraps with twice as much dry material such as leaves or cardboard, keep the heap as damp as a wrung sponge, and turn it every few weeks.",
            "Omar Farouk", ""},
        {"gardening", "spring-bulbs", "Planting bulbs for spring colour",
            "Plant in autumn, forget them, enjoy them in April.",
            "Plant bulbs three times as deep as they are tall, pointy end up, in groups of odd numbers. Tulips like sun and good drainage; daffodils forgive almost anything.",
            "Grace Whitfield", ""},
        {"gardening", "pruning-roses", "Pruning roses with confidence",
            "Where to cut, and why late winter is best.",
            "Cut out dead and crossing stems first, then shorten the rest by a third to an outward-facing bud. Clean, sharp secateurs make clean cuts that heal quickly.",
            "Omar Farouk", ""},
        {"gardening", "raised-beds", "Building a raised vegetable bed",
            "Better soil, fewer weeds, easier on the back.",
            "A bed one metre wide lets you reach the middle from both sides. Fill it with layers of cardboard, compost and topsoil, and mulch it to keep weeds down.",
            "Lena Park", ""},
        {"gardening", "garden-on-a-budget", "A beautiful garden on a budget",
            "Seeds, cuttings and swaps instead of garden-centre plants.",
            "Grow from seed, take cuttings from friends, join a plant swap and make your own compost. A garden planned over three seasons costs a fraction of an instant one.",
            "Lena Park", "finance"},
        {"finance", "emergency-fund", "Building an emergency fund",
            "Three months of expenses, one small transfer at a time.",
            "Automate a transfer to a separate savings account on payday, start with one week of expenses as the first goal, and refill the fund before any other saving.",
            "Daniel Osei", ""},
        {"finance", "index-funds", "Index funds explained",
            "Owning the whole market for a low fee.",
            "An index fund buys every stock in an index, so you match the market instead of trying to beat it. Low fees compound into a large difference over decades.",
            "Ruth Adler", ""},
        {"finance", "budgeting-methods", "Three budgeting methods compared",
            "Fifty-thirty-twenty, zero-based and envelopes.",
            "Fifty-thirty-twenty splits income between needs, wants and saving; zero-based budgeting gives every euro a job; envelopes cap spending per category in cash.",
            "Daniel Osei", ""},
        {"finance", "paying-off-debt", "Paying off debt: avalanche or snowball?",
            "Highest interest first, or smallest balance first.",
            "The avalanche method pays the highest interest rate first and costs least; the snowball method clears small balances first and keeps you motivated. Both work.",
            "Ruth Adler", ""},
        {"finance", "retirement-savings", "Starting retirement savings in your twenties",
            "Why the first ten years of saving matter most.",
            "Money invested at twenty-five has forty years to compound. Take any employer match first, then raise your contribution by one percent with every pay rise.",
            "Mei Chen", ""},
        {"finance", "taxes-for-freelancers", "Taxes for freelancers",
            "Set aside, track, and pay on time.",
            "Move a third of every invoice to a tax account the day it is paid, keep receipts for every business expense, and put the quarterly deadlines in your calendar.",
            "Mei Chen", ""},
    };

    private DemoArticles() {
    }

    /**
     * The demo documents, oldest first (one new article every four days from 2025-01-06).
     *
     * @return 36 documents
     */
    public static List<Document> documents() {
        List<Document> docs = new ArrayList<>();
        for (int i = 0; i < ROWS.length; i++) {
            String[] r = ROWS[i];
            Map<String, Double> topics = new LinkedHashMap<>();
            topics.put(r[0], 1.0);
            if (!r[6].isEmpty()) {
                topics.put(r[6], 0.4);
            }
            // interleave topics in time so every topic has recent articles
            int order = (i % 6) * 6 + i / 6;
            docs.add(Document.of(HOST + "/articles/" + r[0] + "/" + r[1], r[2], r[3], r[4], topics,
                    "https://" + HOST + "/img/" + r[0] + "/" + r[1] + ".jpg", r[5],
                    FIRST.plus(4L * order, ChronoUnit.DAYS), "Example Journal"));
        }
        return docs;
    }

    /**
     * The URL of a demo article.
     *
     * @param topic the topic
     * @param slug  the slug
     * @return {@code example.org/articles/<topic>/<slug>}
     */
    public static String url(String topic, String slug) {
        return HOST + "/articles/" + topic + "/" + slug;
    }
}
