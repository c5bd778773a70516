<%@ include file="/WEB-INF/jspf/taglibs.jspf" %>
<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>lytx demo: what Lytics knows about you</title>
  <link rel="stylesheet" href="${pageContext.request.contextPath}/static/site.css">
  <lytics:head/>
</head>
<body>
<%@ include file="/WEB-INF/jspf/header.jspf" %>
<main>
  <h1>What Lytics knows about you</h1>
  <c:choose>
    <c:when test="${empty requestScope.lytics or not requestScope.lytics.active}">
      <p id="inactive">Nothing: personalization is off for this request
        (<c:out value="${empty requestScope.lytics.reason ? 'no consent yet' : requestScope.lytics.reason}"/>). No cookie was set and nothing was sent.</p>
    </c:when>
    <c:otherwise>
      <table class="facts">
        <tr><th>Visitor id (cookie <code>seerid</code>)</th><td id="visitor-id"><c:out value="${lytics.visitorId}"/>
          <c:if test="${lytics.newCookie}"><span class="pill new">set on this request</span></c:if></td></tr>
        <tr><th>Known identity</th><td id="identity"><c:out value="${lytics.knownUser ? lytics.identity().knownField().concat('=').concat(lytics.identity().knownValue()) : 'anonymous'}"/></td></tr>
        <tr><th>Profile status</th><td id="me-status"><c:out value="${fn:toLowerCase(lytics.status)}"/>
          <c:if test="${not empty lytics.reason}">(<c:out value="${lytics.reason}"/>)</c:if></td></tr>
        <tr><th>Segments</th><td id="segments"><c:forEach var="s" items="${lytics.segments}"><span class="tag"><c:out value="${s}"/></span></c:forEach>
          <c:if test="${empty lytics.segments}"><span class="muted">none</span></c:if></td></tr>
      </table>
      <h2>Profile fields</h2>
      <table class="fields" id="fields">
        <c:forEach var="f" items="${lytics.fields}">
          <tr><th><c:out value="${f.key}"/></th><td><c:out value="${f.value}"/></td></tr>
        </c:forEach>
        <c:if test="${empty lytics.fields}"><tr><td class="muted">no profile yet (it is built from the page views below)</td></tr></c:if>
      </table>
      <h2>Recommendations</h2>
      <ol>
        <lytics:recommendations var="rec" limit="5" escape="false">
          <li><a href="<c:out value='${links.local(rec.url)}'/>"><c:out value="${rec.title}"/></a></li>
        </lytics:recommendations>
      </ol>
      <h2>Events sent for this visitor</h2>
      <p class="muted">As the example saw the plugin queue them (newest first; the plugin forwards them in batches).</p>
      <table class="events" id="events">
        <c:forEach var="e" items="${visitorEvents}">
          <tr><td><c:out value="${e.time}"/> UTC</td><td><code><c:out value="${e.type}"/></code></td><td><c:out value="${e.detail}"/></td></tr>
        </c:forEach>
      </table>
    </c:otherwise>
  </c:choose>
</main>
<%@ include file="/WEB-INF/jspf/footer.jspf" %>
</body>
</html>
