/**
 * Demo data loaded at start unless {@code --no-demo-data}: 36 articles over six topics, public
 * segments (anonymous, known, frequent and new visitors, one "interested in" per topic, one content
 * segment per topic) and four profiles. See {@link io.lytx.sandbox.demo.DemoData}.
 */
package io.lytx.sandbox.demo;
