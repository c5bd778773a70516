<%@ include file="/WEB-INF/jspf/taglibs.jspf" %>
<c:set var="cachedPage" value="${true}"/>
<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>lytx demo: cached page</title>
  <link rel="stylesheet" href="${pageContext.request.contextPath}/static/site.css">
  <%-- deferred: the same HTML for everyone; the helper asks /lytics/profile and decides in the browser --%>
  <lytics:head deferred="true" timeout="1500"/>
</head>
<body>
<%@ include file="/WEB-INF/jspf/header.jspf" %>
<main>
  <h1>Hello, <span id="js-first-name">there</span>!</h1>
  <p class="muted">This HTML is identical for every visitor (<code>Cache-Control: public</code>): a CDN may
    cache it. The JS helper fetches your profile from <code>/lytics/profile</code> and shows the matching
    blocks before they paint. <noscript><strong>JavaScript is off: this page cannot be personalized.</strong></noscript></p>
  <p id="js-status">Status in the browser: <strong id="js-status-value">pending</strong></p>
  <section class="blocks">
    <article class="block" id="cached-new" data-lytics-unless="known_users, frequent_visitors">
      <h2>New here?</h2><p>Read three articles of one topic and come back.</p></article>
    <article class="block known" id="cached-known" data-lytics-segment="known_users">
      <h2>Welcome back</h2><p>Your profile is known.</p></article>
    <c:forEach var="topic" items="${siteTopics.list()}">
      <article class="block topic" id="cached-topic-${topic}" data-lytics-segment="interested_${topic}">
        <h2>Because you like <c:out value="${topic}"/></h2>
        <p><a href="${pageContext.request.contextPath}/articles#topic-${topic}">More <c:out value="${topic}"/> articles</a></p></article>
    </c:forEach>
  </section>
</main>
<%@ include file="/WEB-INF/jspf/footer.jspf" %>
<script src="${pageContext.request.contextPath}/static/cached-page.js"></script>
</body>
</html>
