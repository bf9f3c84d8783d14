<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <!-- A custom format in the spirit of Microsoft's sample: one FileDump, a Message per event. -->
  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>
  <xsl:template match="/">
    <FileDump>
      <xsl:apply-templates select="Conversations/Conversation"/>
    </FileDump>
  </xsl:template>
  <xsl:template match="Conversation">
    <Conversation Perspective="{Channel/@name}_group_channel">
      <RoomID><xsl:value-of select="Channel/@name"/></RoomID>
      <StartTimeUTC><xsl:value-of select="StartTimeUTC/@string"/></StartTimeUTC>
      <xsl:for-each select="Messages/Message">
        <Message type="{@type}">
          <From><xsl:value-of select="Sender/@uri"/></From>
          <DateTimeUTC><xsl:value-of select="DateTimeUTC/@string"/></DateTimeUTC>
          <Body><xsl:value-of select="@content"/></Body>
        </Message>
      </xsl:for-each>
    </Conversation>
  </xsl:template>
</xsl:stylesheet>
