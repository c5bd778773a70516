<%@ include file="/WEB-INF/jspf/taglibs.jspf" %>
<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>lytx demo: home (JSP)</title>
  <link rel="stylesheet" href="${pageContext.request.contextPath}/static/site.css">
  <lytics:head/>
</head>
<body>
<%@ include file="/WEB-INF/jspf/header.jspf" %>
<main>
  <section class="hero">
    <h1 id="greeting">Hello, <span id="first-name"><lytics:field name="first_name" default="there"/></span>!</h1>
    <p class="status" id="status">What Lytics said about you on this request:
      <lytics:status is="known"><span class="pill known" id="status-known">known profile</span></lytics:status>
      <lytics:status is="new"><span class="pill new" id="status-new">new visitor</span></lytics:status>
      <lytics:status is="unavailable"><span class="pill unavailable" id="status-unavailable">unavailable</span>
        <small>(<c:out value="${empty requestScope.lytics.reason ? 'personalization is off' : requestScope.lytics.reason}"/>)</small></lytics:status>
      <small class="muted">This page is a JSP using the <code>lytics:</code> tags.</small>
    </p>
  </section>

  <section class="blocks">
    <lytics:status is="new" var="firstVisit"/>
    <lytics:segment in="new_visitors" var="fewVisits"/>
    <c:if test="${firstVisit or fewVisits}">
      <article class="block" id="block-new">
        <h2>New here?</h2>
        <p>Read a few <a href="${pageContext.request.contextPath}/articles">articles</a>: three of one topic
          and this page will know what you like.</p>
      </article>
    </c:if>
    <lytics:segment in="frequent_visitors">
      <article class="block" id="block-frequent">
        <h2>Good to see you again</h2>
        <p>Five visits or more: you are one of our regulars.</p>
      </article>
    </lytics:segment>
    <lytics:segment in="known_users">
      <article class="block known" id="block-known">
        <h2>Your account</h2>
        <p>Signed in as <strong id="known-name"><lytics:field name="first_name" default="a known user"/></strong>.
          Your reading on this browser is stitched to your profile.</p>
      </article>
    </lytics:segment>
    <c:forEach var="topic" items="${siteTopics.list()}">
      <lytics:segment in="interested_${topic}">
        <article class="block topic" id="block-topic-${topic}">
          <h2>Because you like <c:out value="${topic}"/></h2>
          <ul>
            <lytics:recommendations var="rec" limit="3" contentsegment="${topic}_articles" escape="false">
              <li><a href="<c:out value='${links.local(rec.url)}'/>"><c:out value="${rec.title}"/></a></li>
            </lytics:recommendations>
          </ul>
        </article>
      </lytics:segment>
    </c:forEach>
  </section>

  <section class="recommendations" id="recommendations">
    <h2>Read next</h2>
    <ul class="cards">
      <%-- no recommendation from Lytics (off, unavailable, first visit): the site's editor's picks.
           escape="false": the body prints with c:out, which escapes Lytics' text and the picks once --%>
      <lytics:recommendations var="rec" limit="4" fallback="${featured.list()}" escape="false">
        <li class="card"><a href="<c:out value='${links.local(rec.url)}'/>"><c:out value="${rec.title}"/></a>
          <p><c:out value="${rec.description}"/></p>
          <p class="tags"><c:forEach var="t" items="${rec.topics}"><span class="tag"><c:out value="${t}"/></span></c:forEach></p></li>
      </lytics:recommendations>
    </ul>
  </section>
</main>
<%@ include file="/WEB-INF/jspf/footer.jspf" %>
</body>
</html>
